// The widget with a relay that wants a proof of work, loader and chunk wired as on a page: the
// challenge is fetched on first focus, the submit waits for the solve (the lead stored
// meanwhile), and the post carries the proof.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PowChallenge } from '../../../src/shared/pow-challenge.ts';
import { formController } from '../../../src/widget/form/form-controller.ts';
import type { MountOptions } from '../../../src/widget/form-seam.ts';
import { OUTBOX_KEY } from '../../../src/widget/loader/offline-queue.ts';
import { startWidget } from '../../../src/widget/loader/start.ts';
import { createProver } from '../../../src/widget/pow/prover.ts';
import type { FormController, Outcome } from '../../../src/widget/types.ts';
import { chunkCore, fakeChunk } from '../../_util/widget/fake-chunk.ts';
import { challengeFor, solvedId, solvedPayload } from '../../_util/widget/pow-fakes.ts';
import { formValues, json } from '../../_util/widget/widget-fakes.ts';

type Host = { EleapiLeads?: { destroy?: () => void } };
const RELAY = 'https://relay.example.com';

let mounted: { options: MountOptions; controller: FormController } | undefined;
let requests: { method: string; url: string; body: Record<string, unknown> }[];
let challengeReply: () => Response;
let finishSolve: (() => void) | undefined;

// The relay: challenges on GET, 202 on POST; the solver finishes when the test says so.
const relayFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const method = init?.method ?? 'GET';
  requests.push({ method, url: String(input), body: JSON.parse(String(init?.body ?? '{}')) });
  return method === 'GET' ? challengeReply() : json(202, { ok: true, id: 'r1' });
}) as typeof fetch;
const solve = (challenge: PowChallenge) =>
  new Promise<string>((resolve) => {
    finishSolve = () => resolve(solvedPayload(challenge));
  });

const chunk = fakeChunk(
  (options) => {
    mounted = { options, controller: formController(chunkCore(options)) };
    return { open() {}, prepare() {}, close() {}, destroy() {} };
  },
  ({ relayUrl, botId, customerId }) =>
    createProver({
      relayUrl,
      pair: { botId, customerId },
      fetch: relayFetch,
      now: Date.now,
      solve,
    }),
);

function startInline() {
  const script = document.createElement('script');
  script.setAttribute('data-relay-url', RELAY);
  script.setAttribute('data-mode', 'inline');
  document.body.append(script);
  startWidget(script, { window, loadChunk: async () => chunk, fetch: relayFetch, random: () => 0 });
  return vi.waitFor(() => mounted ?? Promise.reject(new Error('not mounted yet')));
}

const focusField = (slot: HTMLElement) =>
  slot.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
const posts = () => requests.filter((r) => r.method === 'POST');
const stored = () => JSON.parse(localStorage.getItem(OUTBOX_KEY) ?? '[]') as unknown[];
const visitor = formValues({ name: 'Ada Lovelace', email: 'ada@example.com' });

beforeEach(() => {
  mounted = undefined;
  finishSolve = undefined;
  requests = [];
  challengeReply = () => json(200, challengeFor('c1'));
  localStorage.clear();
  sessionStorage.clear();
  document.body.innerHTML =
    '<script id="eleapi-messenger-widget" type="text/plain">bot1,cust1</script>';
});
afterEach(() => {
  (window as Host).EleapiLeads?.destroy?.();
  delete (window as Host).EleapiLeads;
});

describe('the widget with proof of work on at the relay', () => {
  it('fetches a challenge on the first focus in the form, not before, and only once', async () => {
    const { options } = await startInline();
    expect(requests).toEqual([]);
    focusField(options.slot);
    focusField(options.slot);
    await vi.waitFor(() => expect(finishSolve).toBeDefined());
    expect(requests.map((r) => r.url)).toEqual([
      `${RELAY}/v1/challenge?botId=bot1&customerId=cust1`,
    ]);
  });

  it('holds a submit made before the solve finished, with the lead stored, then sends it with the proof', async () => {
    const { options, controller } = await startInline();
    focusField(options.slot);
    let outcome: Outcome | undefined;
    const submitting = controller.submit(visitor).then((o) => (outcome = o));
    await vi.waitFor(() => expect(finishSolve).toBeDefined());
    expect(stored()).toHaveLength(1);
    expect(posts()).toEqual([]);
    expect(outcome).toBeUndefined();
    finishSolve?.();
    await submitting;
    expect(outcome).toEqual({ kind: 'sent' });
    expect(posts()).toHaveLength(1);
    expect(solvedId(posts()[0]?.body.challenge)).toBe('c1');
    expect(posts()[0]?.body).toMatchObject({ email: 'ada@example.com' });
    expect(stored()).toEqual([]);
  });

  it('sends without a proof, and asks no more, when the relay has it off', async () => {
    challengeReply = () => new Response(null, { status: 204 });
    const { options, controller } = await startInline();
    focusField(options.slot);
    expect(await controller.submit(visitor)).toEqual({ kind: 'sent' });
    expect(await controller.submit({ ...visitor, name: 'Ada L.' })).toEqual({ kind: 'sent' });
    expect(requests.map((r) => r.method)).toEqual(['GET', 'POST', 'POST']);
    expect(posts()[0]?.body).not.toHaveProperty('challenge');
  });
});
