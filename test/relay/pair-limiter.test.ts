import { describe, expect, it } from 'vitest';
import { createPairLimiter } from '../../src/relay/pair-limiter.ts';

describe('per-pair limiter', () => {
  it('allows perMinute leads per pair, refills over the minute, and keeps pairs apart', () => {
    let now = 0;
    const limiter = createPairLimiter(() => now);
    const a = 'a:x';
    const b = 'b:x';
    expect([1, 2, 3].map(() => limiter.take(a, 3).allowed)).toEqual([true, true, true]);
    expect(limiter.take(a, 3)).toEqual({ allowed: false, retryAfterMs: 20_000 });
    expect(limiter.take(b, 3).allowed).toBe(true);
    now += 20_000;
    expect(limiter.take(a, 3).allowed).toBe(true);
  });
});
