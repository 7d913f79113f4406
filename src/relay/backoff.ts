// Retry timing for upstream deliveries.

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

/**
 * Delay before retry number `attempt` (1 = first retry): "full jitter", uniformly random in
 * [0, min(cap, base·2^(attempt-1))], which spreads a crowd of retries best.
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function fullJitterDelay(policy: BackoffPolicy, attempt: number, random: () => number) {
  const exponent = Math.min(Math.max(attempt - 1, 0), 52);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.floor(random() * (ceiling + 1));
}

/**
 * The delay to wait: the jittered backoff, no sooner than the server asked, and never beyond the
 * cap, so a hostile `Retry-After` cannot park a lead for ever.
 */
export function retryDelay(
  policy: BackoffPolicy,
  attempt: number,
  random: () => number,
  retryAfterMs: number | undefined,
): number {
  const asked = Math.max(fullJitterDelay(policy, attempt, random), retryAfterMs ?? 0);
  return Math.min(asked, policy.capMs);
}

// IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") and the obsolete RFC 850 form.
const HTTP_DATE = /^[A-Za-z]{3,9}, \d{2}[ -][A-Za-z]{3}[ -]\d{2,4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * `Retry-After` as milliseconds from `nowMs`: delay-seconds or an HTTP-date
 * (RFC 9110 §10.2.3). Dates in the past give 0; anything unreadable gives undefined.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number) {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!HTTP_DATE.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
