// Per-client token buckets: `perMinute` submissions, refilled smoothly, in bounded memory.

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface RateLimiter {
  /**
   * Takes one token for `key`; when none is left, says how long until one is. The in-memory
   * limiter answers at once; the shared one (postgres-rate-limiter.ts) asks the database.
   */
  take(key: string): RateVerdict | Promise<RateVerdict>;
}

export interface RateLimiterOptions {
  perMinute: number;
  now: () => number;
  /** Most clients tracked; past it, the least recently seen are forgotten (mostly refilled). */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const capacity = options.perMinute;
  const refillPerMs = options.perMinute / 60_000;
  const maxKeys = options.maxKeys ?? 100_000;
  // Map keeps insertion order; re-inserting on use makes the first key the least recently used.
  const buckets = new Map<string, Bucket>();

  return {
    take(key): RateVerdict {
      const now = options.now();
      const bucket = buckets.get(key);
      const tokens = bucket
        ? Math.min(capacity, bucket.tokens + (now - bucket.at) * refillPerMs)
        : capacity;
      if (bucket) buckets.delete(key);
      if (tokens < 1) {
        buckets.set(key, { tokens, at: now });
        return { allowed: false, retryAfterMs: Math.ceil((1 - tokens) / refillPerMs) };
      }
      buckets.set(key, { tokens: tokens - 1, at: now });
      if (buckets.size > maxKeys) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
      return { allowed: true };
    },
  };
}
