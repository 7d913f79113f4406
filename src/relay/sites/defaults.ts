/** Leads per minute per botId:customerId pair when neither the site nor RELAY_PAIR_LIMIT says. */
export const DEFAULT_PAIR_LIMIT_PER_MINUTE = 60;
