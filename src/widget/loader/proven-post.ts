// Posts a stored submission with the proof of work the relay wants and, after a 400 "challenge"
// (expired, spent, missing), once more with a fresh one: a queued lead is solved again, never
// dropped. ARCHITECTURE.md, "Proof of work in the widget".
import type { LeadSubmission } from '../../shared/lead-submission.ts';
import type { Outcome } from './outcome.ts';
import type { Prove } from './proof-hook.ts';

export async function provenPost(
  post: (url: string, body: LeadSubmission) => Promise<Outcome>,
  prove: Prove,
  url: string,
  body: LeadSubmission,
  /** Stores a newly proven body in place of the one being sent. */
  keep: (body: LeadSubmission) => void,
): Promise<Outcome> {
  // No proof to be had now (offline, relay down): posted as is, and the relay's answer decides.
  const first = await prove(body, false).catch(() => body);
  if (first !== body) keep(first);
  const outcome = await post(url, first);
  if (outcome.kind !== 'refused' || !outcome.challenge) return outcome;
  let fresh: LeadSubmission;
  try {
    fresh = await prove(first, true);
  } catch {
    // The challenge or the solver could not be fetched: kept, and tried again on the backoff.
    return { kind: 'kept', reason: 'unreachable' };
  }
  // The relay wants a proof it will not hand out (misconfigured): the refusal stands, and is said.
  if (fresh === first) return outcome;
  keep(fresh);
  return post(url, fresh);
}
