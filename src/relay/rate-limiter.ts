// Per-client token buckets: `perMinute` submissions, refilled smoothly, in bounded memory.

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface RateLimiter {
  /**
   * Takes one token for `key`; when none is left, says how long until one is. The in-memory
   * limiter answers at once; the shared one (postgres-rate-limiter.ts) asks the database.
   */
  take(key: string): RateVerdict | Promise<RateVerdict>;
}

/** A limiter whose limit comes with each call: a site's limit, which a reload may change. */
export interface KeyedLimiter {
  take(key: string, perMinute: number): RateVerdict | Promise<RateVerdict>;
}

export interface RateLimiterOptions {
  perMinute: number;
  now: () => number;
  /** Most clients tracked; past it, the least recently seen are forgotten (mostly refilled). */
  maxKeys?: number;
}

interface Bucket {
  /** Tokens taken and not yet refilled; kept as used (not left) so a new limit judges it. */
  used: number;
  at: number;
}

/**
 * Buckets sized by each call's `perMinute`. What a key used stays used when its limit changes
 * (a lower limit bites at once, a higher one allows the rest), as in the shared limiter.
 */
export function createKeyedRateLimiter(options: Omit<RateLimiterOptions, 'perMinute'>): {
  take(key: string, perMinute: number): RateVerdict;
} {
  const maxKeys = options.maxKeys ?? 100_000;
  // Map keeps insertion order; re-inserting on use makes the first key the least recently used.
  const buckets = new Map<string, Bucket>();

  return {
    take(key, perMinute) {
      const now = options.now();
      const refillPerMs = perMinute / 60_000;
      const bucket = buckets.get(key);
      const used = bucket ? Math.max(0, bucket.used - (now - bucket.at) * refillPerMs) : 0;
      if (bucket) buckets.delete(key);
      if (used + 1 > perMinute) {
        buckets.set(key, { used, at: now });
        return { allowed: false, retryAfterMs: Math.ceil((used + 1 - perMinute) / refillPerMs) };
      }
      buckets.set(key, { used: used + 1, at: now });
      if (buckets.size > maxKeys) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
      return { allowed: true };
    },
  };
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const keyed = createKeyedRateLimiter(options);
  return { take: (key) => keyed.take(key, options.perMinute) };
}
