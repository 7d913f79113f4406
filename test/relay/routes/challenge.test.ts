// RELAY_CHALLENGE=pow: GET /v1/challenge and the proof of work checked before the outbox.
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { afterEach, describe, expect, it } from 'vitest';
import { ORIGIN, validLead } from '../../_util/relay/fixtures.ts';
import { type Harness, startHarness } from '../../_util/relay/harness.ts';

const SECRET = 'pow-secret-for-relay-tests-0123456789';
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function start(env: Record<string, string> = {}, now?: () => number) {
  h = startHarness(
    {
      RELAY_CHALLENGE: 'pow',
      RELAY_CHALLENGE_SECRET: SECRET,
      RELAY_CHALLENGE_COST: '200',
      RELAY_RATE_LIMIT: '100',
      ...env,
    },
    now ? { now } : {},
  );
  return h;
}

async function solved(harness: Harness): Promise<string> {
  const response = await harness.relay.request('/v1/challenge', { headers: { origin: ORIGIN } });
  expect(response.status).toBe(200);
  expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const challenge = await response.json();
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

describe('POST /v1/leads with RELAY_CHALLENGE=pow', () => {
  it('accepts a lead carrying a solved challenge and forwards it without the challenge', async () => {
    const relay = start();
    const response = await relay.post(validLead({ challenge: await solved(relay) }));
    expect(response.status).toBe(202);
    await expect.poll(() => relay.upstream.delivered().length).toBe(1);
    expect(relay.upstream.delivered()[0]).not.toHaveProperty('challenge');
  });

  it('answers 400 {"error":"challenge","reason":"missing"} without one, and stores nothing', async () => {
    const relay = start();
    const response = await relay.post(validLead());
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      ok: false,
      error: 'challenge',
      reason: 'missing',
      message: expect.stringContaining('GET /v1/challenge'),
    });
    expect(relay.upstream.calls).toHaveLength(0);
  });

  it('answers 400 "replayed" to a second lead with the same solution', async () => {
    const relay = start();
    const payload = await solved(relay);
    expect((await relay.post(validLead({ challenge: payload }))).status).toBe(202);
    const again = await relay.post(validLead({ challenge: payload }));
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'challenge', reason: 'replayed' });
  });

  it('answers 400 "expired" once the TTL has passed (injected clock)', async () => {
    let clock = Date.now();
    const relay = start({ RELAY_CHALLENGE_TTL_SECONDS: '60' }, () => clock);
    const payload = await solved(relay);
    clock += 61_000;
    const response = await relay.post(validLead({ challenge: payload }));
    expect(await response.json()).toMatchObject({ error: 'challenge', reason: 'expired' });
  });

  it('answers 400 "invalid" for a wrong solution and "malformed" for garbage', async () => {
    const relay = start();
    const payload = JSON.parse(Buffer.from(await solved(relay), 'base64').toString());
    payload.solution.counter += 1;
    const wrong = Buffer.from(JSON.stringify(payload)).toString('base64');
    expect(await (await relay.post(validLead({ challenge: wrong }))).json()).toMatchObject({
      reason: 'invalid',
    });
    expect(await (await relay.post(validLead({ challenge: 'xyz' }))).json()).toMatchObject({
      reason: 'malformed',
    });
  });

  it('counts refusals as rejected{reason="challenge"} in /metrics', async () => {
    const relay = start({ RELAY_METRICS_PUBLIC: 'true' });
    await relay.post(validLead());
    const text = await (await relay.relay.request('/metrics')).text();
    expect(text).toContain('eleapi_relay_leads_rejected_total{reason="challenge"} 1');
    expect(text).toContain(
      'eleapi_relay_site_submissions_total{site="default",outcome="challenge"} 1',
    );
  });
});

describe('GET /v1/challenge', () => {
  it('answers 204 with nothing to solve when the proof of work is off, readable by the site', async () => {
    h = startHarness();
    const response = await h.relay.request('/v1/challenge', { headers: { origin: ORIGIN } });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });

  it('answers 403 to an origin no site lists', async () => {
    const relay = start();
    const response = await relay.relay.request('/v1/challenge', {
      headers: { origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
  });

  it('refuses to start without RELAY_CHALLENGE_SECRET', () => {
    expect(() => startHarness({ RELAY_CHALLENGE: 'pow' })).toThrow(
      /RELAY_CHALLENGE_SECRET is required/,
    );
  });
});
