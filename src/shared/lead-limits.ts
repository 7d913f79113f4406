// The bounds and field names both ends agree on, as plain values: the widget's loader reads them
// without pulling zod or the dial table in (lead-fields.ts re-exports them next to the schemas).

/** Upper bounds on every string the widget sends, shared so both ends agree. */
export const LIMITS = {
  id: 64,
  name: 120,
  email: 254,
  phone: 32,
  message: 2000,
  tag: 40,
  tags: 10,
  attributeKey: 40,
  attributeValue: 500,
  attributes: 20,
} as const;

/** Form fields a site can show, in display order. */
export const FORM_FIELDS = ['name', 'email', 'phone', 'message'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

// Bot, customer and agent ids as eleapi issues them. The schema bounds the length on its own,
// so that a long id gets one message.
export const ID_CHARACTER = '[\\w-]';

/** A bot, customer or agent id: letters, digits, "_" or "-", 1 to LIMITS.id of them. */
export const ID_PATTERN = new RegExp(`^${ID_CHARACTER}{1,${LIMITS.id}}$`);

/**
 * An attribute key: a letter or digit, then letters, digits, `_`, `-` or `.`, as CRM and
 * spreadsheet columns take them (eleapi's own example key is `ID`; ours are `page_url`,
 * `utm_source`). No spaces, so a key reads the same in the inbox, the CSV and a filter.
 */
export const ATTRIBUTE_KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export const ATTRIBUTE_KEY_RULE = `1 to ${LIMITS.attributeKey} letters, digits, "_", "-" or ".", starting with a letter or digit`;

/** Whether `key` is an attribute key both ends accept (already trimmed). */
export const isAttributeKey = (key: string): boolean =>
  key.length <= LIMITS.attributeKey && ATTRIBUTE_KEY.test(key);
