// The form chunk's proof of work: solved ahead once, waited for by the submit, one per
// submission, and nothing asked again of a relay that has it off.
import { describe, expect, it, vi } from 'vitest';
import type { PowChallenge } from '../../../src/shared/pow-challenge.ts';
import { createProver } from '../../../src/widget/pow/prover.ts';
import type { LeadSubmission } from '../../../src/widget/types.ts';
import { challengeFor, NOW_MS, solvedId, solvedPayload } from '../../_util/widget/pow-fakes.ts';
import { fakeFetch, json } from '../../_util/widget/widget-fakes.ts';

const RELAY = 'https://relay.example.com';
const body: LeadSubmission = { uuid: 'u1', botId: 'bot1', customerId: 'cust1', name: 'Ada' };
const OFF = new Response(null, { status: 204 });

function proverWith(...replies: Parameters<typeof fakeFetch>) {
  const relay = fakeFetch(...replies);
  let now = NOW_MS;
  const solve = vi.fn(async (challenge: PowChallenge) => solvedPayload(challenge));
  const prover = createProver({
    relayUrl: RELAY,
    pair: { botId: 'bot1', customerId: 'cust1' },
    fetch: relay.fetch,
    now: () => now,
    solve,
  });
  return { prover, relay, solve, later: (ms: number) => (now += ms) };
}

describe('createProver', () => {
  it('fetches and solves one challenge ahead, for this site, and puts it on the next submission', async () => {
    const { prover, relay } = proverWith(json(200, challengeFor('a1')));
    prover.prepare();
    prover.prepare();
    const proven = await prover.prove(body, false);
    expect(solvedId(proven.challenge)).toBe('a1');
    expect(proven).toMatchObject(body);
    expect(relay.requests.map((r) => r.url)).toEqual([
      `${RELAY}/v1/challenge?botId=bot1&customerId=cust1`,
    ]);
  });

  it('asks for the challenge only once `settled` resolves, and a submission meanwhile waits for that one', async () => {
    const relay = fakeFetch(json(200, challengeFor('a1')));
    let settle: () => void = () => {};
    const prover = createProver({
      relayUrl: RELAY,
      pair: { botId: 'bot1', customerId: 'cust1' },
      fetch: relay.fetch,
      now: () => NOW_MS,
      solve: async (challenge) => solvedPayload(challenge),
      settled: () => new Promise((resolve) => (settle = resolve)),
    });
    prover.prepare();
    const proving = prover.prove(body, false);
    await Promise.resolve();
    expect(relay.requests).toHaveLength(0);
    settle();
    expect(solvedId((await proving).challenge)).toBe('a1');
    expect(relay.requests).toHaveLength(1);
  });

  it('makes the submission wait for a solve still running, then sends that proof', async () => {
    const { prover, solve } = proverWith(json(200, challengeFor('a1')));
    let finish: (payload: string) => void = () => {};
    solve.mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
    prover.prepare();
    let proven: LeadSubmission | undefined;
    const proving = prover.prove(body, false).then((b) => (proven = b));
    await vi.waitFor(() => expect(solve).toHaveBeenCalledOnce());
    expect(proven).toBeUndefined();
    finish(solvedPayload(challengeFor('a1')));
    await proving;
    expect(solvedId(proven?.challenge)).toBe('a1');
    expect(solve).toHaveBeenCalledOnce();
  });

  it('solves ahead once a page and uses each proof once: the next submission gets a fresh challenge', async () => {
    const { prover, relay } = proverWith(
      json(200, challengeFor('a1')),
      json(200, challengeFor('a2')),
    );
    prover.prepare();
    expect(solvedId((await prover.prove(body, false)).challenge)).toBe('a1');
    // Focus coming back after the send does not start another solve.
    prover.prepare();
    expect(relay.requests).toHaveLength(1);
    expect(solvedId((await prover.prove(body, false)).challenge)).toBe('a2');
    expect(relay.requests).toHaveLength(2);
  });

  it('keeps a body whose proof is still good, and replaces it when asked to renew', async () => {
    const { prover, relay } = proverWith(json(200, challengeFor('fresh')));
    const held = { ...body, challenge: solvedPayload(challengeFor('held')) };
    expect(await prover.prove(held, false)).toBe(held);
    expect(relay.requests).toHaveLength(0);
    expect(solvedId((await prover.prove(held, true)).challenge)).toBe('fresh');
  });

  it('solves again when the proof made ahead expired while the visitor was away', async () => {
    const { prover, relay, later } = proverWith(
      json(200, challengeFor('early', 60)),
      json(200, challengeFor('late', 60 * 60)),
    );
    prover.prepare();
    await vi.waitFor(() => expect(relay.requests).toHaveLength(1));
    later(60_000);
    expect(solvedId((await prover.prove(body, false)).challenge)).toBe('late');
  });

  it('sends the body unchanged when the relay has the proof of work off, and asks it only once', async () => {
    const { prover, relay, solve } = proverWith(OFF);
    prover.prepare();
    expect(await prover.prove(body, false)).toBe(body);
    prover.prepare();
    expect(await prover.prove(body, false)).toBe(body);
    expect(relay.requests).toHaveLength(1);
    expect(solve).not.toHaveBeenCalled();
    // A refusal says the relay now wants one: it is asked again.
    expect(await prover.prove(body, true)).toBe(body);
    expect(relay.requests).toHaveLength(2);
  });

  it('asks again at the submit when the challenge could not be fetched ahead', async () => {
    const { prover, relay } = proverWith('network-error', json(200, challengeFor('a2')));
    prover.prepare();
    expect(solvedId((await prover.prove(body, false)).challenge)).toBe('a2');
    expect(relay.requests).toHaveLength(2);
  });

  it('rejects when no challenge can be had, so the caller keeps the lead', async () => {
    const { prover } = proverWith(json(403, { ok: false, error: 'origin_not_allowed' }));
    await expect(prover.prove(body, false)).rejects.toThrow(/status 403/);
  });
});
