// When the outbox needs the form chunk's proof of work before a post. The solver lives in the
// chunk, so a resend fetches the chunk only when a proof must be made: the stored one expired,
// or the relay refused one. ARCHITECTURE.md, "Proof of work in the widget".
import type { LeadSubmission } from '../../shared/lead-submission.ts';
import type { Prover } from '../form-seam.ts';
import { proofExpired } from '../pow/proof-expiry.ts';

/** The body as it should be posted; `renew` after the relay refused its proof. */
export type Prove = (body: LeadSubmission, renew: boolean) => Promise<LeadSubmission>;

export function proofHook(
  /** The chunk's prover once it arrived. */
  loaded: () => Prover | undefined,
  /** Fetches the chunk; rejects when it cannot. */
  load: () => Promise<Prover>,
  now: () => number,
): Prove {
  return async (body, renew) => {
    const prover = loaded();
    const stale = body.challenge !== undefined && proofExpired(body.challenge, now());
    // Without the chunk, a body with no proof is posted as is: a 400 says if one is wanted.
    if (!renew && !stale && !(prover && body.challenge === undefined)) return body;
    return (prover ?? (await load())).prove(body, renew);
  };
}
