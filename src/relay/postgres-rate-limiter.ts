// Rate limits shared by every relay on the database: rate-limiter-flexible's PostgreSQL limiter
// on an UNLOGGED table, insured by an in-memory limiter so that a database failure degrades to
// per-relay limits instead of failing the submission. One table and one rule serve the limit per
// address (RELAY_RATE_LIMIT), each site's own per-address limit and the limit per bot pair.
import type { Pool } from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { RATE_TABLE } from './outbox/postgres-schema.ts';
import type { KeyedLimiter, RateLimiter, RateVerdict } from './rate-limiter.ts';

export interface PostgresLimiterOptions {
  pool: Pool;
  /** How long one check may wait for the database before the insurance limiter answers. */
  timeoutMs?: number;
  onStoreError?: (error: unknown) => void;
}

export interface PostgresRateLimiterOptions extends PostgresLimiterOptions {
  perMinute: number;
}

const WINDOW_SECONDS = 60;
// The library only counts: each call's own limit decides (a site's limit may change on reload),
// so the library's ceiling is one no key reaches (the points column is a 32-bit integer).
const COUNT_ONLY = 2 ** 31 - 1;

/**
 * Counts per key in the shared table, judged against the limit given with each call. A key's
 * count in the current minute survives a change of its limit: a lowered limit bites at once.
 * The table is created by the outbox migration (UNLOGGED), so the library must not make one.
 */
export function createPostgresKeyedLimiter(options: PostgresLimiterOptions): KeyedLimiter {
  const insurance = new RateLimiterMemory({ points: COUNT_ONLY, duration: WINDOW_SECONDS });
  const shared = new RateLimiterPostgres({
    storeClient: options.pool,
    storeType: 'pool',
    tableName: RATE_TABLE,
    tableCreated: true,
    // The relay prunes nothing here on a timer of its own; the library's hourly sweep is enough.
    clearExpiredByTimeout: true,
    points: COUNT_ONLY,
    duration: WINDOW_SECONDS,
    keyPrefix: 'lead',
    insuranceLimiter: insurance,
  });
  const timeoutMs = options.timeoutMs ?? 1_000;

  const verdictFor =
    (perMinute: number) =>
    (outcome: unknown): RateVerdict => {
      if (!(outcome instanceof RateLimiterRes)) throw outcome;
      return outcome.consumedPoints <= perMinute
        ? { allowed: true }
        : { allowed: false, retryAfterMs: outcome.msBeforeNext };
    };

  return {
    async take(key, perMinute) {
      const verdict = verdictFor(perMinute);
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

/** One fixed limit per client address (RELAY_RATE_LIMIT), across every relay. */
export function createPostgresRateLimiter(options: PostgresRateLimiterOptions): RateLimiter {
  const keyed = createPostgresKeyedLimiter(options);
  return { take: (key) => keyed.take(key, options.perMinute) };
}
