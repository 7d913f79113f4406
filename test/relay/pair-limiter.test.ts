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
