// One rate limit per client address across every relay on the database: rate-limiter-flexible's
// PostgreSQL limiter on an UNLOGGED table, insured by an in-memory limiter so that a database
// failure degrades to per-relay limits instead of failing the submission.
import type { Pool } from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { RATE_TABLE } from './outbox/postgres-schema.ts';
import type { RateLimiter, RateVerdict } from './rate-limiter.ts';

export interface PostgresRateLimiterOptions {
  pool: Pool;
  perMinute: number;
  /** How long one check may wait for the database before the insurance limiter answers. */
  timeoutMs?: number;
  onStoreError?: (error: unknown) => void;
}

const WINDOW_SECONDS = 60;

/** The table is created by the outbox migration (UNLOGGED), so the library must not make one. */
export function createPostgresRateLimiter(options: PostgresRateLimiterOptions): RateLimiter {
  const insurance = new RateLimiterMemory({ points: options.perMinute, duration: WINDOW_SECONDS });
  const shared = new RateLimiterPostgres({
    storeClient: options.pool,
    storeType: 'pool',
    tableName: RATE_TABLE,
    tableCreated: true,
    // The relay prunes nothing here on a timer of its own; the library's hourly sweep is enough.
    clearExpiredByTimeout: true,
    points: options.perMinute,
    duration: WINDOW_SECONDS,
    keyPrefix: 'lead',
    insuranceLimiter: insurance,
  });
  const timeoutMs = options.timeoutMs ?? 1_000;

  const verdict = (outcome: unknown): RateVerdict => {
    if (!(outcome instanceof RateLimiterRes)) throw outcome;
    return outcome.consumedPoints <= options.perMinute
      ? { allowed: true }
      : { allowed: false, retryAfterMs: outcome.msBeforeNext };
  };

  return {
    async take(key) {
      let timer: NodeJS.Timeout | undefined;
      // A database that hangs must not hold the request: past the timeout, memory decides.
      const slow = new Promise<'slow'>((resolve) => {
        timer = setTimeout(() => resolve('slow'), timeoutMs);
      });
      try {
        const outcome = await Promise.race([shared.consume(key).then(verdict, verdict), slow]);
        if (outcome !== 'slow') return outcome;
        options.onStoreError?.(new Error(`the rate-limit store did not answer in ${timeoutMs} ms`));
        return await insurance.consume(key).then(verdict, verdict);
      } catch (error) {
        options.onStoreError?.(error);
        return { allowed: true };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
