// Leads per minute per botId:customerId pair, on top of the per-address limit: a botnet that
// spreads across addresses still cannot flood one inbox, and one site cannot flood another's.
import type { BotPair } from './config.ts';
import { createRateLimiter, type RateLimiter } from './rate-limiter.ts';

export interface PairLimiter {
  take(pair: BotPair, perMinute: number): ReturnType<RateLimiter['take']>;
}

export function createPairLimiter(now: () => number): PairLimiter {
  // One bucket set per limit value, so a site's new limit after a reload applies at once.
  const byLimit = new Map<number, RateLimiter>();
  return {
    take(pair, perMinute) {
      let limiter = byLimit.get(perMinute);
      if (!limiter) {
        limiter = createRateLimiter({ perMinute, now, maxKeys: 10_000 });
        byLimit.set(perMinute, limiter);
      }
      return limiter.take(`${pair.botId}:${pair.customerId}`);
    },
  };
}
