// The outbox with the proof of work: a queued lead whose proof expired or was refused gets a
// fresh one, solved before it is resent; it stays stored until it lands and is never dropped.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Prover } from '../../../src/widget/form-seam.ts';
import { createOutbox, OUTBOX_KEY } from '../../../src/widget/loader/offline-queue.ts';
import { type Prove, proofHook } from '../../../src/widget/loader/proof-hook.ts';
import { createTransport } from '../../../src/widget/loader/transport.ts';
import { proofExpired } from '../../../src/widget/pow/proof-expiry.ts';
import { safeStorage } from '../../../src/widget/safe-storage.ts';
import type { LeadSubmission, Outcome } from '../../../src/widget/types.ts';
import { challengeFor, NOW_MS, solvedId, solvedPayload } from '../../_util/widget/pow-fakes.ts';
import { fakeFetch, globalTimer, json, memoryStorage } from '../../_util/widget/widget-fakes.ts';

const RELAY = 'https://relay.example.com';
const lead = (challenge?: string): LeadSubmission => ({
  uuid: 'u1',
  botId: 'bot1',
  customerId: 'cust1',
  email: 'ada@example.com',
  ...(challenge && { challenge }),
});
const proofOf = (id: string, expiresInS = 1800) => solvedPayload(challengeFor(id, expiresInS));
const refusedProof = (reason: string) =>
  json(400, { ok: false, error: 'challenge', reason, message: `the proof of work is ${reason}` });
const ACCEPTED = json(202, { ok: true, id: 'r1' });

let backing: ReturnType<typeof memoryStorage>;
const disposers: (() => void)[] = [];
const stored = () =>
  JSON.parse(backing.getItem(OUTBOX_KEY) ?? '[]').map((e: { body: LeadSubmission }) => e.body);

/** A prover as the chunk's, solving challenges named proof-1, proof-2… on demand. */
function fakeProver() {
  let solved = 0;
  const prove = vi.fn<Prover['prove']>(async (body, renew) =>
    !renew && body.challenge && !proofExpired(body.challenge, Date.now())
      ? body
      : { ...body, challenge: proofOf(`proof-${++solved}`) },
  );
  return { prepare: vi.fn(), prove };
}

/** An outbox over a real transport, posting to `relay`; the prover arrives through `load`. */
function outboxWith(relay: ReturnType<typeof fakeFetch>, prove: Prove) {
  const transport = createTransport({
    fetch: relay.fetch,
    setTimer: globalTimer,
    online: () => true,
  });
  const outbox = createOutbox({
    storage: safeStorage(() => backing),
    post: transport.post,
    random: () => 0.5,
    setTimer: globalTimer,
    events: window,
    prove,
  });
  const settled = vi.fn<(body: LeadSubmission, outcome: Outcome) => void>();
  outbox.onResent(settled);
  disposers.push(() => outbox.dispose());
  return { outbox, settled };
}

const postedProofs = (relay: ReturnType<typeof fakeFetch>) =>
  relay.requests.map((r) => (r.body.challenge ? solvedId(r.body.challenge) : 'none'));

beforeEach(() => {
  vi.useFakeTimers({ now: NOW_MS });
  backing = memoryStorage();
});
afterEach(() => {
  for (const dispose of disposers.splice(0)) dispose();
  vi.useRealTimers();
});

describe('a queued lead and the proof of work', () => {
  it('is solved afresh and resent when the relay says its proof expired, and lands once', async () => {
    const prover = fakeProver();
    const relay = fakeFetch(refusedProof('expired'), ACCEPTED);
    backing.setItem(OUTBOX_KEY, JSON.stringify([{ url: RELAY, body: lead(proofOf('old')) }]));
    const load = vi.fn(async () => prover);
    const { outbox, settled } = outboxWith(
      relay,
      proofHook(() => undefined, load, Date.now),
    );
    await outbox.flush();
    expect(postedProofs(relay)).toEqual(['old', 'proof-1']);
    expect(load).toHaveBeenCalledOnce();
    expect(outbox.size()).toBe(0);
    expect(settled).toHaveBeenCalledExactlyOnceWith(lead(proofOf('old')), { kind: 'sent' });
  });

  it('gets a fresh proof before the resend when its stored one is known to have expired', async () => {
    const prover = fakeProver();
    const relay = fakeFetch(ACCEPTED);
    backing.setItem(OUTBOX_KEY, JSON.stringify([{ url: RELAY, body: lead(proofOf('old', 60)) }]));
    vi.setSystemTime(NOW_MS + 60_000);
    const { outbox } = outboxWith(
      relay,
      proofHook(
        () => undefined,
        async () => prover,
        Date.now,
      ),
    );
    await outbox.flush();
    // The relay never sees the expired one.
    expect(postedProofs(relay)).toEqual(['proof-1']);
    expect(outbox.size()).toBe(0);
  });

  it('posts a stored lead with a good proof as it is, without fetching the form chunk', async () => {
    const relay = fakeFetch(ACCEPTED);
    backing.setItem(OUTBOX_KEY, JSON.stringify([{ url: RELAY, body: lead(proofOf('held')) }]));
    const load = vi.fn(async () => fakeProver());
    const { outbox } = outboxWith(
      relay,
      proofHook(() => undefined, load, Date.now),
    );
    await outbox.flush();
    expect(postedProofs(relay)).toEqual(['held']);
    expect(load).not.toHaveBeenCalled();
  });

  it('stays stored with the new proof while the relay is away, and lands with it later', async () => {
    const prover = fakeProver();
    const relay = fakeFetch(refusedProof('replayed'), 'network-error', ACCEPTED);
    const { outbox } = outboxWith(
      relay,
      proofHook(
        () => prover,
        async () => prover,
        Date.now,
      ),
    );
    expect(await outbox.send(RELAY, lead(proofOf('spent')))).toEqual({
      kind: 'kept',
      reason: 'unreachable',
    });
    expect(stored().map((b: LeadSubmission) => solvedId(b.challenge))).toEqual(['proof-1']);
    await vi.runOnlyPendingTimersAsync();
    expect(postedProofs(relay)).toEqual(['spent', 'proof-1', 'proof-1']);
    expect(outbox.size()).toBe(0);
  });

  it('keeps the lead and tries again on the backoff when no fresh proof can be had', async () => {
    const prover = fakeProver();
    prover.prove.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const relay = fakeFetch(refusedProof('expired'), refusedProof('expired'), ACCEPTED);
    const { outbox, settled } = outboxWith(
      relay,
      proofHook(
        () => prover,
        async () => prover,
        Date.now,
      ),
    );
    expect(await outbox.send(RELAY, lead(proofOf('old')))).toEqual({
      kind: 'kept',
      reason: 'unreachable',
    });
    expect(outbox.size()).toBe(1);
    await vi.runOnlyPendingTimersAsync();
    expect(postedProofs(relay)).toEqual(['old', 'old', 'proof-1']);
    expect(outbox.size()).toBe(0);
    expect(settled).toHaveBeenCalledWith(expect.objectContaining({ uuid: 'u1' }), {
      kind: 'sent',
    });
  });

  it('ends as a refusal the owner is told of when a fresh proof is refused too', async () => {
    const prover = fakeProver();
    const relay = fakeFetch(refusedProof('invalid'));
    const { outbox } = outboxWith(
      relay,
      proofHook(
        () => prover,
        async () => prover,
        Date.now,
      ),
    );
    const outcome = await outbox.send(RELAY, lead());
    expect(outcome).toEqual({
      kind: 'refused',
      status: 400,
      cause: 'the relay answered 400: the proof of work is invalid',
      challenge: true,
    });
    // One fresh proof, not a loop.
    expect(postedProofs(relay)).toEqual(['proof-1', 'proof-2']);
  });

  it('ends as a refusal when the relay wants a proof but hands out none (misconfigured)', async () => {
    const off: Prover = { prepare() {}, prove: async (body) => body };
    const relay = fakeFetch(refusedProof('invalid'));
    const { outbox } = outboxWith(
      relay,
      proofHook(
        () => off,
        async () => off,
        Date.now,
      ),
    );
    expect(await outbox.send(RELAY, lead())).toMatchObject({ kind: 'refused', status: 400 });
    expect(relay.requests).toHaveLength(1);
  });

  it('keeps a lead the relay refused for its proof when the form chunk cannot be fetched', async () => {
    const relay = fakeFetch(refusedProof('missing'));
    backing.setItem(OUTBOX_KEY, JSON.stringify([{ url: RELAY, body: lead() }]));
    const failing = async (): Promise<Prover> => {
      throw new Error('the form did not load');
    };
    const { outbox, settled } = outboxWith(
      relay,
      proofHook(() => undefined, failing, Date.now),
    );
    await outbox.flush();
    expect(outbox.size()).toBe(1);
    expect(settled).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(1);
  });
});
