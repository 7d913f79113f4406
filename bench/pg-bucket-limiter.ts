// The hand-written alternative to rate-limiter-flexible, kept for the benchmark that chose
// between them: a token bucket per key in an UNLOGGED table, taken in one upsert.
import type { Pool } from 'pg';
import type { RateLimiter } from '../src/relay/rate-limiter.ts';

export const BUCKET_TABLE = 'bench_rate_bucket';

export async function createBucketTable(pool: Pool): Promise<void> {
  await pool.query(`CREATE UNLOGGED TABLE IF NOT EXISTS ${BUCKET_TABLE} (
    key text PRIMARY KEY, tokens double precision NOT NULL, at bigint NOT NULL,
    allowed boolean NOT NULL)`);
}

export function createBucketLimiter(pool: Pool, perMinute: number): RateLimiter {
  const perMs = perMinute / 60_000;
  // Refill since `at`, capped; take one if there is one. `allowed` reports which happened.
  const refilled = `least($2::float8, b.tokens + ($3::bigint - b.at) * $4::float8)`;
  const sql = `INSERT INTO ${BUCKET_TABLE} AS b (key, tokens, at, allowed)
    VALUES ($1, $2::float8 - 1, $3, true)
    ON CONFLICT (key) DO UPDATE SET
      tokens = CASE WHEN ${refilled} >= 1 THEN ${refilled} - 1 ELSE ${refilled} END,
      allowed = ${refilled} >= 1, at = $3
    RETURNING allowed, tokens`;
  return {
    async take(key) {
      const { rows } = await pool.query<{ allowed: boolean; tokens: number }>(sql, [
        key,
        perMinute,
        Date.now(),
        perMs,
      ]);
      const row = rows[0];
      if (!row || row.allowed) return { allowed: true };
      return { allowed: false, retryAfterMs: Math.ceil((1 - row.tokens) / perMs) };
    },
  };
}
