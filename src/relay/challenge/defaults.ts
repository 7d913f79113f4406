// Proof-of-work defaults, measured with `npx tsx bench/pow-solve.ts` (README, Spam protection).

/** Most hashes a browser tries: the answer is uniform in cost/2..cost. */
export const DEFAULT_CHALLENGE_COST = 20_000;
/** A challenge may be solved and sent within this many seconds of being issued. */
export const DEFAULT_CHALLENGE_TTL_SECONDS = 1800;
