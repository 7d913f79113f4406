import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  BOT,
  CUSTOMER,
  eventually,
  ORIGIN,
  TOKEN,
  validLead,
} from '../../_util/relay/fixtures.ts';
import { type Harness, startHarness } from '../../_util/relay/harness.ts';

let h: Harness;
beforeEach(() => {
  h = startHarness();
});
afterEach(() => h.close());

/** Posts a valid sentinel lead, waits for it upstream, then checks it was the only thing sent. */
async function expectNothingElseReachedUpstream(): Promise<void> {
  const sentinel = validLead();
  expect((await h.post(sentinel)).status).toBe(202);
  await eventually(() => h.upstream.calls.length > 0, 'the sentinel lead upstream');
  expect(h.upstream.calls.map((call) => call.body?.uuid)).toEqual([sentinel.uuid]);
}

describe('POST /v1/leads', () => {
  it('answers 202 with an id and delivers exactly the fields sent to eleapi', async () => {
    const lead = validLead({ message: 'Call me after 5pm', tags: ['spring'], consent: true });
    const response = await h.post(lead);
    expect(response.status).toBe(202);
    const answer = await response.json();
    expect(answer).toEqual({ ok: true, id: expect.stringMatching(/^[\w-]{8,}$/) });
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);

    await eventually(() => h.upstream.delivered().length === 1, 'the lead upstream');
    const [call] = h.upstream.calls;
    expect(call?.method).toBe('PUT');
    expect(call?.url).toBe('http://eleapi.test/inbox/direct/lead');
    expect(call?.headers['x-bp-token']).toBe(TOKEN);
    expect(call?.body).toEqual({
      uuid: lead.uuid,
      botId: BOT,
      customerId: CUSTOMER,
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '7911123456',
      dialCode: '+44',
      notes: [{ title: 'Message', description: 'Call me after 5pm' }],
      tags: ['spring'],
      attributes: [{ key: 'consent', value: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) }],
    });
  });

  it('answers 400 naming each invalid field, and stores nothing', async () => {
    const response = await h.post(validLead({ email: 'not-an-email', dialCode: '+999' }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.ok).toBe(false);
    expect(body.error).toBe('validation');
    expect(body.issues).toEqual(
      expect.arrayContaining([
        { path: 'email', message: 'email must be an address like name@example.com' },
        expect.objectContaining({ path: 'dialCode' }),
      ]),
    );
    // The widget must be able to read the issues cross-origin.
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    await expectNothingElseReachedUpstream();
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await h.post('{"uuid": ');
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({ ok: false, error: 'validation' });
    expect(body.issues[0].path).toBe('(body)');
    expect(body.issues[0].message).toMatch(/not valid JSON/);
    await expectNothingElseReachedUpstream();
  });

  it('answers 400 for unknown fields such as a privileged status', async () => {
    const response = await h.post({ ...validLead(), status: 'CLOSED', agentId: 'me' });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.issues[0].message).toMatch(/unknown field\(s\) "status", "agentId"/);
    await expectNothingElseReachedUpstream();
  });

  it('answers 400 when the browser tries to set the consent attribute itself', async () => {
    const response = await h.post(validLead({ attributes: [{ key: 'Consent', value: 'yes' }] }));
    expect(response.status).toBe(400);
    expect((await response.json()).issues).toEqual([
      { path: 'attributes.0.key', message: expect.stringMatching(/set by the relay/) },
    ]);
    await expectNothingElseReachedUpstream();
  });

  it('answers 403 for an origin not on the allowlist, without CORS headers', async () => {
    const response = await h.post(validLead(), { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      ok: false,
      error: 'origin_not_allowed',
      message: 'origin "https://evil.example" is not allowed to post leads to this relay',
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    await expectNothingElseReachedUpstream();
  });

  it('answers 403 for a botId:customerId pair not on the allowlist', async () => {
    const response = await h.post(validLead({ botId: 'otherbot' }));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      ok: false,
      error: 'bot_not_allowed',
      message: `this relay does not accept leads for bot "otherbot:${CUSTOMER}" (botId:customerId)`,
    });
    await expectNothingElseReachedUpstream();
  });

  it('accepts a lead with no Origin header (a server-to-server caller)', async () => {
    const response = await h.post(validLead(), { origin: null });
    expect(response.status).toBe(202);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 202 to a honeypot hit like a real lead, and never stores or forwards it', async () => {
    const response = await h.post(validLead({ website: 'http://spam.example' }));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ ok: true, id: expect.any(String) });
    await expectNothingElseReachedUpstream();
    const metrics = await (
      await h.relay.request('/metrics', {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      })
    ).text();
    expect(metrics).toContain('eleapi_relay_leads_rejected_total{reason="honeypot"} 1');
    expect(metrics).toContain('eleapi_relay_leads_received_total 1');
  });

  it('merges a second submission for a pending lead into it, with a fresh receipt each', async () => {
    await h.close();
    h = startHarness();
    h.upstream.answerWith({ status: 503 });
    const first = validLead({ name: 'First', message: 'Hello' });
    const r1 = await h.post(first);
    const r2 = await h.post({ ...first, name: 'Second', email: '', message: 'Call me' });
    const [a, b] = [await r1.json(), await r2.json()];
    expect(a.id).not.toBe(b.id);
    const relay = h;
    await eventually(() => relay.upstream.calls.length >= 1, 'a failed attempt');
    h.upstream.answerWith({ status: 200 });
    await eventually(() => relay.upstream.delivered().length > 0, 'the lead upstream');
    expect(h.upstream.delivered().at(-1)).toMatchObject({
      name: 'Second',
      email: 'ada@example.com',
      notes: [
        { title: 'Message', description: 'Hello' },
        { title: 'Message', description: 'Call me' },
      ],
    });
  });

  it('answers a honeypot hit with a receipt of the same shape as a real lead', async () => {
    const real = await (await h.post(validLead())).json();
    const caught = await (await h.post(validLead({ website: 'http://spam.example' }))).json();
    expect(Object.keys(caught)).toEqual(Object.keys(real));
    expect(caught.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(real.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});

describe('POST /v1/leads when the outbox cannot store', () => {
  it('answers 503 with Retry-After, never 202, so the widget keeps the lead and retries', async () => {
    await h.relay.close();
    const response = await h.post(validLead());
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toEqual({
      ok: false,
      error: 'unavailable',
      message: 'the lead could not be stored; try again',
    });
  });
});

describe('OPTIONS /v1/leads', () => {
  it('answers a preflight from an allowed origin with 204 and the CORS headers', async () => {
    const response = await h.relay.request('/v1/leads', {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toBe('Content-Type');
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('answers a preflight from another origin with 403', async () => {
    const response = await h.relay.request('/v1/leads', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
