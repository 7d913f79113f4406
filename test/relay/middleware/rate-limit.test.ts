import { afterEach, describe, expect, it } from 'vitest';
import { eventually, validLead } from '../../_util/relay/fixtures.ts';
import { type Harness, startHarness } from '../../_util/relay/harness.ts';

let h: Harness;
afterEach(() => h.close());

describe('POST /v1/leads rate limit', () => {
  it('answers 429 with Retry-After once an address used its submissions per minute', async () => {
    let clock = 1_700_000_000_000;
    h = startHarness({ RELAY_RATE_LIMIT: '3' }, { now: () => clock });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await h.post(validLead(), { ip: '198.51.100.7' })).status);
    expect(statuses).toEqual([202, 202, 202]);

    const limited = await h.post(validLead(), { ip: '198.51.100.7' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('20');
    // The widget reads Retry-After cross-origin only if it is exposed.
    expect(limited.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect(await limited.json()).toEqual({
      ok: false,
      error: 'rate_limited',
      message: 'too many submissions from this address; try again in 20 s',
    });

    // Another address is not affected, and the first one recovers as time passes.
    expect((await h.post(validLead(), { ip: '198.51.100.8' })).status).toBe(202);
    clock += 20_000;
    expect((await h.post(validLead(), { ip: '198.51.100.7' })).status).toBe(202);
    await eventually(() => h.upstream.delivered().length === 5, 'the accepted leads upstream');
    expect(h.upstream.calls).toHaveLength(5);
  });

  it('keys on the address the trusted proxy appended to X-Forwarded-For', async () => {
    h = startHarness({ RELAY_RATE_LIMIT: '1', RELAY_TRUST_PROXY: 'true' });
    const via = (xff: string) => h.post(validLead(), { headers: { 'x-forwarded-for': xff } });
    expect((await via('203.0.113.5')).status).toBe(202);
    // A client cannot pick a fresh bucket by prepending its own entries.
    expect((await via('10.9.9.9, 203.0.113.5')).status).toBe(429);
    expect((await via('203.0.113.6')).status).toBe(202);
  });

  it('ignores X-Forwarded-For unless RELAY_TRUST_PROXY is set', async () => {
    h = startHarness({ RELAY_RATE_LIMIT: '1' });
    expect(
      (await h.post(validLead(), { headers: { 'x-forwarded-for': '203.0.113.5' } })).status,
    ).toBe(202);
    expect(
      (await h.post(validLead(), { headers: { 'x-forwarded-for': '203.0.113.6' } })).status,
    ).toBe(429);
  });
});
