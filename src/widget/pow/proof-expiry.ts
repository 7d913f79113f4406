// When a solved proof of work stops being worth sending: read from the payload itself, so a
// submission stored by an earlier page can be judged without asking the relay.

/** Margin before the relay's expiry: the post itself takes time, and clocks differ a little. */
export const EXPIRY_MARGIN_MS = 10_000;

/** True when the `challenge` field's payload expires within the margin, or cannot be read. */
export function proofExpired(payload: string, nowMs: number): boolean {
  try {
    const expiresAtMs = JSON.parse(atob(payload)).challenge.parameters.expiresAt * 1000;
    // Written as "not later", so a missing or non-numeric expiry (NaN) counts as expired.
    return !(expiresAtMs - EXPIRY_MARGIN_MS > nowMs);
  } catch {
    return true;
  }
}
