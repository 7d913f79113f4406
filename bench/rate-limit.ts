// Shared rate limit on PostgreSQL: rate-limiter-flexible against the hand-written UNLOGGED
// bucket, as limit checks per second with 16 and 64 checks in flight on as many connections.
import type { Pool } from 'pg';
import { createPostgresPool } from '../src/relay/outbox/postgres-pool.ts';
import { migratePostgres } from '../src/relay/outbox/postgres-schema.ts';
import { createPostgresRateLimiter } from '../src/relay/postgres-rate-limiter.ts';
import type { RateLimiter } from '../src/relay/rate-limiter.ts';
import { createBucketLimiter, createBucketTable } from './pg-bucket-limiter.ts';

export interface LimiterResult {
  name: string;
  connections: number;
  checksPerSecond: number;
}

// Many addresses, each under its limit: every check is a write, as for real submissions.
const KEYS = 5_000;

export async function drive(
  limiter: RateLimiter,
  inFlight: number,
  seconds: number,
): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let checks = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < until) {
        await limiter.take(`198.51.${checks % KEYS}`);
        checks++;
      }
    }),
  );
  return checks / seconds;
}

export async function measureLimiters(url: string, seconds: number): Promise<LimiterResult[]> {
  const results: LimiterResult[] = [];
  for (const connections of [16, 64]) {
    const pool: Pool = createPostgresPool({ url, max: connections });
    try {
      await migratePostgres(pool);
      await createBucketTable(pool);
      const limiters: [string, RateLimiter][] = [
        ['rate-limiter-flexible (UNLOGGED)', createPostgresRateLimiter({ pool, perMinute: 1e9 })],
        ['hand-written bucket (UNLOGGED)', createBucketLimiter(pool, 1e9)],
      ];
      for (const [name, limiter] of limiters) {
        await drive(limiter, connections, 1);
        results.push({
          name,
          connections,
          checksPerSecond: await drive(limiter, connections, seconds),
        });
      }
    } finally {
      await pool.end();
    }
  }
  return results;
}
