// Leads per minute per botId:customerId pair, on top of the per-address limit: a botnet that
// spreads across addresses still cannot flood one inbox, and one site cannot flood another's.
// The same keyed buckets give each site its own per-address limit. This one is per process
// (SQLite); on PostgreSQL the relays share createPostgresKeyedLimiter's instead.
import { createKeyedRateLimiter, type KeyedLimiter } from './rate-limiter.ts';

export type { KeyedLimiter } from './rate-limiter.ts';

export function createPairLimiter(now: () => number, maxKeys = 100_000): KeyedLimiter {
  return createKeyedRateLimiter({ now, maxKeys });
}
