import { describe, expect, it } from 'vitest';
import { createPairLimiter } from '../../src/relay/pair-limiter.ts';

describe('per-pair limiter', () => {
  it('allows perMinute leads per pair, refills over the minute, and keeps pairs apart', async () => {
    let now = 0;
    const limiter = createPairLimiter(() => now);
    const allowed = async (key: string) => (await limiter.take(key, 3)).allowed;
    expect([await allowed('a:x'), await allowed('a:x'), await allowed('a:x')]).toEqual([
      true,
      true,
      true,
    ]);
    expect(await limiter.take('a:x', 3)).toEqual({ allowed: false, retryAfterMs: 20_000 });
    expect(await allowed('b:x')).toBe(true);
    now += 20_000;
    expect(await allowed('a:x')).toBe(true);
  });
});

describe('per-pair limiter after a site changes its limit (reload)', () => {
  it('keeps what a pair used: a lowered limit bites at once, a raised one allows the rest', async () => {
    let now = 0;
    const limiter = createPairLimiter(() => now);
    for (let i = 0; i < 3; i++) expect((await limiter.take('a:x', 10)).allowed).toBe(true);
    // Three used against a new limit of two: refused until two have refilled, at 2 a minute.
    expect(await limiter.take('a:x', 2)).toEqual({ allowed: false, retryAfterMs: 60_000 });
    now += 60_000;
    expect((await limiter.take('a:x', 2)).allowed).toBe(true);
    expect((await limiter.take('a:x', 2)).allowed).toBe(false);
    expect((await limiter.take('a:x', 60)).allowed).toBe(true);
  });
});
