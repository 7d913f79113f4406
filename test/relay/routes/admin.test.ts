import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  BOT,
  CUSTOMER,
  eventually,
  TOKEN,
  validLead,
} from '../../_util/relay/fixtures.ts';
import { type Harness, startHarness } from '../../_util/relay/harness.ts';
import { type StartedSim, startSim } from '../../_util/sim/start-sim.ts';

let sim: StartedSim;
let h: Harness;
beforeAll(async () => {
  sim = await startSim({ token: TOKEN });
});
afterAll(() => sim.close());
afterEach(async () => {
  await h.close();
  sim.reset();
});

const bearer = (token = ADMIN_TOKEN) => ({ authorization: `Bearer ${token}` });
const withSim = (env: Record<string, string> = {}) =>
  startHarness({ ELEAPI_API_URL: sim.url, ...env }, { fetch: globalThis.fetch });

describe('admin authentication', () => {
  it.each(['/v1/leads', '/v1/outbox'])('answers 401 to GET %s without a token', async (path) => {
    h = withSim();
    const response = await h.relay.request(path);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="eleapi-relay"');
    expect(await response.json()).toEqual({
      ok: false,
      error: 'unauthorized',
      message: 'send the admin token as "Authorization: Bearer <RELAY_ADMIN_TOKEN>"',
    });
  });

  it('answers 401 to a wrong token', async () => {
    h = withSim();
    const response = await h.relay.request('/v1/outbox', {
      headers: bearer('not-the-admin-token'),
    });
    expect(response.status).toBe(401);
    expect((await response.json()).message).toBe('the admin token is wrong');
  });

  it('answers 401 to the eleapi token used as the admin token', async () => {
    h = withSim();
    expect((await h.relay.request('/v1/outbox', { headers: bearer(TOKEN) })).status).toBe(401);
  });

  it('answers 404 for every admin endpoint when RELAY_ADMIN_TOKEN is not set', async () => {
    h = withSim({ RELAY_ADMIN_TOKEN: '' });
    const endpoints = [
      ['GET', '/v1/leads'],
      ['GET', '/v1/outbox'],
      ['POST', '/v1/outbox/retry'],
    ] as const;
    for (const [method, path] of endpoints) {
      const response = await h.relay.request(path, { method, headers: bearer() });
      expect(response.status).toBe(404);
    }
  });
});

describe('GET /v1/leads', () => {
  it('answers the eleapi listing of the only configured bot', async () => {
    h = withSim();
    const lead = validLead();
    await h.post(lead);
    await eventually(() => sim.received().length === 1, 'the lead at eleapi');
    const response = await h.relay.request('/v1/leads?page=1&type=lead', { headers: bearer() });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.ok).toBe(true);
    expect(body.page).toBe(1);
    expect(body.data.map((chat: { uuid: string }) => chat.uuid)).toEqual([lead.uuid]);
    expect(body.data[0].profile.userDetails.contact.email).toBe('ada@example.com');
  });

  it('needs botId and customerId when several pairs are allowed', async () => {
    h = withSim({ RELAY_ALLOWED_BOTS: `${BOT}:${CUSTOMER},bot2:cust2` });
    const missing = await h.relay.request('/v1/leads', { headers: bearer() });
    expect(missing.status).toBe(400);
    const given = await h.relay.request(`/v1/leads?botId=bot2&customerId=cust2`, {
      headers: bearer(),
    });
    expect(given.status).toBe(200);
  });

  it('answers 403 for a pair not on the allowlist', async () => {
    h = withSim();
    const response = await h.relay.request('/v1/leads?botId=x&customerId=y', { headers: bearer() });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'bot_not_allowed' });
  });

  it('answers 400 for a bad page or type', async () => {
    h = withSim();
    const response = await h.relay.request('/v1/leads?page=0&type=all', { headers: bearer() });
    expect(response.status).toBe(400);
    expect((await response.json()).issues.map((i: { path: string }) => i.path)).toEqual([
      'page',
      'type',
    ]);
  });

  it('answers 502 naming the upstream failure when eleapi fails, without the token', async () => {
    h = withSim();
    sim.setConfig({ failStatus: 500, faultScope: 'all' });
    const response = await h.relay.request('/v1/leads', { headers: bearer() });
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ ok: false, error: 'upstream' });
    expect(JSON.parse(text).message).toMatch(/^eleapi listChats failed: upstream answered 500/);
    expect(text).not.toContain(TOKEN);
  });
});

describe('GET /v1/outbox and POST /v1/outbox/retry', () => {
  it('answers 400 for an unknown state', async () => {
    h = withSim();
    const response = await h.relay.request('/v1/outbox?state=lost', { headers: bearer() });
    expect(response.status).toBe(400);
    expect((await response.json()).issues[0]).toEqual({
      path: 'state',
      message: 'state must be one of pending, delivered, dead',
    });
  });

  it('re-drives only the dead letters named, with an empty body meaning all', async () => {
    h = withSim({ RELAY_MAX_ATTEMPTS: '1' });
    sim.setConfig({ failStatus: 503 });
    for (let i = 0; i < 3; i++) await h.post(validLead());
    const deadRows = async (): Promise<{ id: string }[]> =>
      (await (await h.relay.request('/v1/outbox?state=dead', { headers: bearer() })).json()).rows;
    await eventually(async () => (await deadRows()).length === 3, 'three dead letters');
    const ids = (await deadRows()).map((row) => row.id);
    sim.setConfig({ failStatus: null });

    const one = JSON.stringify({ ids: [ids[0]] });
    const retryOne = await h.relay.request('/v1/outbox/retry', {
      method: 'POST',
      headers: {
        ...bearer(),
        'content-type': 'application/json',
        'content-length': String(one.length),
      },
      body: one,
    });
    expect(await retryOne.json()).toEqual({ ok: true, count: 1 });
    await eventually(() => sim.received().length === 1, 'the one re-driven lead');

    const retryAll = await h.relay.request('/v1/outbox/retry', {
      method: 'POST',
      headers: bearer(),
    });
    expect(await retryAll.json()).toEqual({ ok: true, count: 2 });
    await eventually(() => sim.received().length === 3, 'all leads at eleapi');
  });

  it('answers 400 for a retry body that is not {"ids": [...]}', async () => {
    h = withSim();
    const body = JSON.stringify({ ids: 'all' });
    const response = await h.relay.request('/v1/outbox/retry', {
      method: 'POST',
      headers: {
        ...bearer(),
        'content-type': 'application/json',
        'content-length': String(body.length),
      },
      body,
    });
    expect(response.status).toBe(400);
    expect((await response.json()).issues[0].path).toBe('ids');
  });
});
