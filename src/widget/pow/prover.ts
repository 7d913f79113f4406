// The form chunk's proof of work: one challenge fetched and solved ahead, when the form is first
// opened or a field first focused, so the submit rarely waits; fresh ones when the loader's
// outbox finds a stored proof expired or the relay refused one (ARCHITECTURE.md, "Proof of work").
import type { LeadSubmission } from '../../shared/lead-submission.ts';
import type { PowChallenge } from '../../shared/pow-challenge.ts';
import { fetchChallenge } from './fetch-challenge.ts';
import { proofExpired } from './proof-expiry.ts';

/** Slices well under a long task's 50 ms, so a loaded 2-core phone still has room. */
export const SLICE_MS = 8;

export interface ProverDeps {
  relayUrl: string;
  pair: { botId: string; customerId: string };
  fetch: typeof fetch;
  now(): number;
  /**
   * The solver, asked only once the relay sent a challenge (proof of work on): the chunk's fetches
   * the "pow" piece then (main.ts), so a relay answering 204 costs no solver bytes; a piece that
   * cannot load rejects like any other proof failure. Tests pass a fast double.
   */
  solve(challenge: PowChallenge): Promise<string>;
  /**
   * What `prepare()` waits for before it asks for a challenge: the chunk waits for the frame that
   * shows the form (main.ts), so opening it never pays for the request. At once when not given.
   */
  settled?(): Promise<void>;
}

export interface Prover {
  /** Starts fetching and solving one challenge in the background, once a page. */
  prepare(): void;
  /**
   * The body as the relay wants it: with a proof (the one solved ahead, waited for, or a new
   * one), or unchanged when the relay has the proof of work off. `renew` ignores any proof the
   * body or the prover holds (the relay refused it). Rejects when no challenge can be had.
   */
  prove(body: LeadSubmission, renew: boolean): Promise<LeadSubmission>;
}

export function createProver(deps: ProverDeps): Prover {
  const { solve } = deps;
  let ahead: Promise<string | undefined> | undefined;
  // Solved ahead once a page: focus coming back after a send asks for nothing more.
  let prepared = false;
  // The relay said this site has it off: no more requests until a refusal says otherwise.
  let off = false;

  const solveFresh = async () => {
    const challenge = await fetchChallenge(deps.relayUrl, deps.fetch, deps.pair);
    off = !challenge;
    return challenge && solve(challenge);
  };
  const usable = (payload: string | undefined) =>
    payload && !proofExpired(payload, deps.now()) ? payload : undefined;

  return {
    prepare() {
      if (prepared || off) return;
      prepared = true;
      const solving = (deps.settled?.() ?? Promise.resolve()).then(solveFresh);
      ahead = solving;
      // A failed fetch is tried again on the next focus or at the submit, not kept as the answer.
      solving.catch(() => {
        prepared = false;
        if (ahead === solving) ahead = undefined;
      });
    },
    async prove(body, renew) {
      if (!renew && usable(body.challenge)) return body;
      // Each proof goes with one submission: the relay spends it.
      const early = renew ? undefined : ahead;
      ahead = undefined;
      let payload = usable(await early?.catch(() => undefined));
      if (!payload && (renew || !off)) payload = await solveFresh();
      return payload ? { ...body, challenge: payload } : body;
    },
  };
}
