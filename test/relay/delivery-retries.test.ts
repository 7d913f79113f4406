import { afterEach, describe, expect, it } from 'vitest';
import { fakeUpstream } from '../_util/relay/fake-upstream.ts';
import { ADMIN_TOKEN, eventually, validLead } from '../_util/relay/fixtures.ts';
import { type Harness, startHarness } from '../_util/relay/harness.ts';

let h: Harness;
afterEach(() => h.close());

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

async function outboxRows(state: string) {
  const response = await h.relay.request(`/v1/outbox?state=${state}`, { headers: admin });
  return (await response.json()).rows as Record<string, unknown>[];
}

describe('delivery', () => {
  it('retries retryable failures until eleapi takes the lead', async () => {
    h = startHarness();
    h.upstream.answerWith((_call, n) => (n <= 3 ? { status: 503 } : { status: 200 }));
    const lead = validLead();
    expect((await h.post(lead)).status).toBe(202);
    await eventually(() => h.upstream.delivered().length === 1, 'the lead upstream');
    expect(h.upstream.calls).toHaveLength(4);
    expect(new Set(h.upstream.calls.map((c) => c.body?.uuid))).toEqual(new Set([lead.uuid]));
    // eleapi has answered; the relay records the outcome a moment later (after the commit).
    const metrics = async () => (await h.relay.request('/metrics', { headers: admin })).text();
    await eventually(
      async () => (await metrics()).includes('eleapi_relay_leads_delivered_total 1'),
      'the delivery recorded',
    );
    const recorded = await metrics();
    expect(recorded).toContain('eleapi_relay_delivery_failures_total{retryable="true"} 3');
    expect(recorded).toContain('eleapi_relay_outbox_pending 0');
  });

  it('dead-letters a lead eleapi rejects, keeping its answer, and re-drives it on request', async () => {
    h = startHarness();
    h.upstream.answerWith({
      status: 400,
      body: { success: false, message: 'bad dialCode', code: 400 },
    });
    const lead = validLead();
    await h.post(lead);
    await eventually(async () => (await outboxRows('dead')).length === 1, 'a dead letter');
    expect(h.upstream.calls).toHaveLength(1);
    const [dead] = await outboxRows('dead');
    expect(dead).toMatchObject({
      botId: lead.botId,
      customerId: lead.customerId,
      uuid: lead.uuid,
      state: 'dead',
      attempts: 1,
      lastError: 'upstream answered 400',
      upstreamStatus: 400,
      upstreamAnswer: '{"success":false,"message":"bad dialCode","code":400}',
    });
    expect(dead?.body).toMatchObject({ email: 'ada@example.com' });

    h.upstream.answerWith({ status: 200 });
    const retry = await h.relay.request('/v1/outbox/retry', {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json', 'content-length': '2' },
      body: '{}',
    });
    expect(await retry.json()).toEqual({ ok: true, count: 1 });
    await eventually(() => h.upstream.delivered().length === 1, 'the re-driven lead upstream');
    expect(await outboxRows('dead')).toEqual([]);
  });

  it('dead-letters a lead after RELAY_MAX_ATTEMPTS retryable failures', async () => {
    h = startHarness({ RELAY_MAX_ATTEMPTS: '3' });
    h.upstream.answerWith('network-error');
    await h.post(validLead());
    await eventually(async () => (await outboxRows('dead')).length === 1, 'a dead letter');
    expect(h.upstream.calls).toHaveLength(3);
    expect((await outboxRows('dead'))[0]).toMatchObject({
      attempts: 3,
      lastError: expect.stringMatching(/^network error/),
    });
  });

  it('dead-letters a lead older than RELAY_MAX_AGE_HOURS at its next failure', async () => {
    let clock = 1_700_000_000_000;
    h = startHarness({ RELAY_MAX_AGE_HOURS: '1' }, { now: () => clock });
    h.upstream.answerWith(() => {
      clock += 3_600_000;
      return { status: 503 };
    });
    await h.post(validLead());
    await eventually(async () => (await outboxRows('dead')).length === 1, 'a dead letter');
    expect(h.upstream.calls).toHaveLength(1);
  });

  it('waits as long as Retry-After asks before trying again', async () => {
    const clock = 1_700_000_000_000;
    h = startHarness({ RELAY_BACKOFF_CAP_MS: '600000' }, { now: () => clock });
    h.upstream.answerWith({ status: 429, headers: { 'retry-after': '120' } });
    await h.post(validLead());
    await eventually(
      async () => (await outboxRows('pending'))[0]?.attempts === 1,
      'a failed attempt',
    );
    expect((await outboxRows('pending'))[0]?.nextAttemptAt).toBe(clock + 120_000);
    expect(h.upstream.calls).toHaveLength(1);
  });

  it('never has more than RELAY_CONCURRENCY deliveries in flight', async () => {
    const upstream = fakeUpstream();
    const waiting: (() => void)[] = [];
    let open = 0;
    let peak = 0;
    const gated = (async (input: string | URL | Request, init?: RequestInit) => {
      open++;
      peak = Math.max(peak, open);
      await new Promise<void>((resolve) => waiting.push(resolve));
      open--;
      return upstream.fetch(input, init);
    }) as typeof fetch;
    h = startHarness({ RELAY_CONCURRENCY: '3', RELAY_RATE_LIMIT: '100' }, { fetch: gated });
    for (let i = 0; i < 10; i++) expect((await h.post(validLead())).status).toBe(202);
    await eventually(() => {
      for (const release of waiting.splice(0)) release();
      return upstream.delivered().length === 10;
    }, 'every delivery');
    expect(peak).toBe(3);
  });

  it('resumes pending leads after a restart', async () => {
    h = startHarness({}, { deliver: false });
    const leads = [validLead(), validLead()];
    for (const lead of leads) expect((await h.post(lead)).status).toBe(202);
    const dir = h.dir;
    await h.relay.close();
    h = startHarness({}, {}, dir);
    await eventually(() => h.upstream.delivered().length === 2, 'both leads upstream');
    expect(
      h.upstream
        .delivered()
        .map((b) => b.uuid)
        .sort(),
    ).toEqual(leads.map((l) => l.uuid).sort());
    dir.remove();
  });
});
