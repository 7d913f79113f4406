// The relay's PostgreSQL side, opened at start: the pool, the shared outbox and the shared rate
// limits. A database that cannot be reached or used stops the start with one clear line.
import type { Pool } from 'pg';
import { createPostgresKeyedLimiter } from '../postgres-rate-limiter.ts';
import type { KeyedLimiter, RateLimiter } from '../rate-limiter.ts';
import { secretRedactor } from '../redact-secrets.ts';
import type { Outbox } from './outbox.ts';
import { openPostgresOutbox } from './postgres-outbox.ts';
import { createPostgresPool, redactUrl } from './postgres-pool.ts';

export interface PostgresStoreConfig {
  databaseUrl: string;
  dbPool: number;
  rateLimitPerMinute: number;
}

export interface PostgresStore {
  pool: Pool;
  outbox: Outbox;
  /** RELAY_RATE_LIMIT per address, shared by every relay on the database. */
  limiter: RateLimiter;
  /** Per-pair and per-site limits (the limit given per call), shared the same way. */
  keyedLimiter: KeyedLimiter;
  /** Where to report a lost connection or a rate-limit check the database did not answer. */
  onError(report: (error: unknown, what: string) => void): void;
}

// During an outage every submission would report the limiter's failure; once a minute says it.
const LIMITER_REPORT_EVERY_MS = 60_000;

/** Why a connection failed, in words: Node reports a refused dual-stack connect with no message. */
export function describeDatabaseError(error: unknown): string {
  const { message, code, errors } = error as {
    message?: string;
    code?: string;
    errors?: unknown[];
  };
  if (message) return message;
  if (errors?.length) return errors.map(describeDatabaseError).join('; ');
  return code ?? String(error);
}

export async function openPostgresStore(config: PostgresStoreConfig): Promise<PostgresStore> {
  let report = (_error: unknown, _what: string) => {};
  let limiterReportedAt = Number.NEGATIVE_INFINITY;
  const pool = createPostgresPool({
    url: config.databaseUrl,
    max: config.dbPool,
    onError: (error) => report(error, 'database connection lost'),
  });
  try {
    const outbox = await openPostgresOutbox({ pool });
    const keyedLimiter = createPostgresKeyedLimiter({
      pool,
      onStoreError: (error) => {
        if (Date.now() - limiterReportedAt < LIMITER_REPORT_EVERY_MS) return;
        limiterReportedAt = Date.now();
        report(error, 'shared rate limit unavailable; this relay limits on its own meanwhile');
      },
    });
    return {
      pool,
      outbox,
      limiter: { take: (key) => keyedLimiter.take(key, config.rateLimitPerMinute) },
      keyedLimiter,
      onError: (handler) => {
        report = handler;
      },
    };
  } catch (error) {
    await pool.end().catch(() => undefined);
    const password = URL.canParse(config.databaseUrl) ? new URL(config.databaseUrl).password : '';
    const redact = secretRedactor([password, password && decodeURIComponent(password)]);
    throw new Error(
      `RELAY_DATABASE_URL: cannot use the database at ${redactUrl(config.databaseUrl)}: ${redact(describeDatabaseError(error))}`,
    );
  }
}
