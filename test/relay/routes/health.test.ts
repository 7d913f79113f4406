import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, validLead } from '../../_util/relay/fixtures.ts';
import { type Harness, startHarness } from '../../_util/relay/harness.ts';

let h: Harness;
afterEach(() => h.close());

describe('GET /healthz and /readyz', () => {
  it('answers 200 while the relay runs and its outbox takes writes', async () => {
    h = startHarness();
    expect((await h.relay.request('/healthz')).status).toBe(200);
    const ready = await h.relay.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, checks: { config: 'ok', outbox: 'ok' } });
  });

  it('answers 503 on /readyz once shutdown began', async () => {
    h = startHarness();
    await h.relay.close();
    const ready = await h.relay.request('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      ok: false,
      checks: { config: 'ok', outbox: 'shutting down' },
    });
  });
});

describe('GET /metrics', () => {
  it('counts what happened, in Prometheus text format', async () => {
    h = startHarness();
    // A long Retry-After keeps the lead pending: quick retries would dead-letter it after
    // RELAY_MAX_ATTEMPTS if these requests ran slowly on a loaded machine.
    h.upstream.answerWith({ status: 503, headers: { 'retry-after': '120' } });
    await h.post(validLead());
    await h.post(validLead({ email: 'nope' }));
    await h.post(validLead(), { origin: 'https://evil.example' });
    await h.post(validLead(), { headers: { 'content-type': 'text/plain' } });
    const response = await h.relay.request('/metrics', { headers: bearer(ADMIN_TOKEN) });
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await response.text();
    for (const line of [
      'eleapi_relay_leads_received_total 1',
      'eleapi_relay_leads_rejected_total{reason="validation"} 1',
      'eleapi_relay_leads_rejected_total{reason="origin"} 1',
      'eleapi_relay_leads_rejected_total{reason="content_type"} 1',
      'eleapi_relay_leads_rejected_total{reason="bot_pair"} 0',
      'eleapi_relay_outbox_pending 1',
      'eleapi_relay_outbox_dead 0',
      '# TYPE eleapi_relay_upstream_duration_seconds histogram',
      'eleapi_relay_upstream_duration_seconds_bucket{le="+Inf"} ',
    ]) {
      expect(text).toContain(line);
    }
  });

  const METRICS_TOKEN = 'metrics_SECRET_token_93ab';
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const metricsStatus = async (headers: Record<string, string> = {}) =>
    (await h.relay.request('/metrics', { headers })).status;

  it('answers 401 without the admin token when no metrics token is set, 200 with it', async () => {
    h = startHarness();
    const refused = await h.relay.request('/metrics');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="eleapi-relay"');
    expect(await refused.json()).toMatchObject({
      message: 'send the metrics token as "Authorization: Bearer <RELAY_METRICS_TOKEN>"',
    });
    expect(await metricsStatus(bearer('wrong-token-of-some-length'))).toBe(401);
    expect(await metricsStatus(bearer(ADMIN_TOKEN))).toBe(200);
  });

  it('takes RELAY_METRICS_TOKEN instead of the admin token when it is set', async () => {
    h = startHarness({ RELAY_METRICS_TOKEN: METRICS_TOKEN });
    expect(await metricsStatus(bearer(METRICS_TOKEN))).toBe(200);
    expect(await metricsStatus(bearer(ADMIN_TOKEN))).toBe(401);
  });

  it('answers 404 when neither a metrics nor an admin token is set', async () => {
    h = startHarness({ RELAY_ADMIN_TOKEN: '' });
    const response = await h.relay.request('/metrics');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      message:
        'metrics are off: set RELAY_METRICS_TOKEN (or RELAY_ADMIN_TOKEN), or RELAY_METRICS_PUBLIC=true',
    });
  });

  it('is open to anyone with RELAY_METRICS_PUBLIC=true', async () => {
    h = startHarness({ RELAY_METRICS_PUBLIC: 'true' });
    expect(await metricsStatus()).toBe(200);
  });
});
