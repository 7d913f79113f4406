// Leads per minute per botId:customerId pair, on top of the per-address limit: a botnet that
// spreads across addresses still cannot flood one inbox, and one site cannot flood another's.
// The same keyed buckets give each site its own per-address limit.
import { createRateLimiter, type RateLimiter } from './rate-limiter.ts';

export interface KeyedLimiter {
  /** Takes one token for `key` from a bucket refilled at `perMinute`. */
  take(key: string, perMinute: number): ReturnType<RateLimiter['take']>;
}

export function createPairLimiter(now: () => number, maxKeys = 100_000): KeyedLimiter {
  // One bucket set per limit value, so a site's new limit after a reload applies at once.
  const byLimit = new Map<number, RateLimiter>();
  return {
    take(key, perMinute) {
      let limiter = byLimit.get(perMinute);
      if (!limiter) {
        limiter = createRateLimiter({ perMinute, now, maxKeys });
        byLimit.set(perMinute, limiter);
      }
      return limiter.take(key);
    },
  };
}
