import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullJitterDelay, parseRetryAfter, retryDelay } from '../../src/relay/backoff.ts';

const policy = { baseMs: 1000, capMs: 60_000 };

describe('fullJitterDelay', () => {
  it('spans [0, base·2^(n-1)] from the lowest to the highest random value', () => {
    expect(fullJitterDelay(policy, 1, () => 0)).toBe(0);
    expect(fullJitterDelay(policy, 1, () => 0.999_999_9)).toBe(1000);
    expect(fullJitterDelay(policy, 3, () => 0.999_999_9)).toBe(4000);
    expect(fullJitterDelay(policy, 3, () => 0.5)).toBe(2000);
  });

  it('never exceeds the cap, however many attempts', () => {
    expect(fullJitterDelay(policy, 7, () => 0.999_999_9)).toBe(60_000);
    expect(fullJitterDelay(policy, 10_000, () => 0.999_999_9)).toBe(60_000);
  });

  it('stays within [0, min(cap, base·2^(n-1))] for any attempt and random value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        (n, r) => {
          const delay = fullJitterDelay(policy, n, () => r);
          return delay >= 0 && delay <= Math.min(policy.capMs, policy.baseMs * 2 ** (n - 1));
        },
      ),
    );
  });
});

describe('retryDelay', () => {
  it('waits at least as long as Retry-After asked', () => {
    expect(retryDelay(policy, 1, () => 0, 30_000)).toBe(30_000);
    expect(retryDelay(policy, 5, () => 0.999_999_9, 2000)).toBe(16_000);
    expect(retryDelay(policy, 1, () => 0.5, undefined)).toBe(500);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP-date, relative to now', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wednesday, 01-Jan-25 00:01:00 GMT', now)).toBe(60_000);
  });

  it('gives 0 for a date in the past', () => {
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:59:00 GMT', now)).toBe(0);
  });

  it('gives undefined for a missing or unreadable value', () => {
    for (const value of [null, undefined, '', '-5', '1.5', 'soon', '2025-01-01T00:00:30Z']) {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    }
  });
});
