// (j) of `npm run bench`: one per-pair limit check (the `take()` every lead pays after its proof
// of work) in process, as with SQLite, and shared through PostgreSQL, in the same run.
import type { Pool } from 'pg';
import { createPostgresPool } from '../src/relay/outbox/postgres-pool.ts';
import { migratePostgres } from '../src/relay/outbox/postgres-schema.ts';
import { createPairLimiter } from '../src/relay/pair-limiter.ts';
import { createPostgresKeyedLimiter } from '../src/relay/postgres-rate-limiter.ts';
import type { KeyedLimiter, RateLimiter } from '../src/relay/rate-limiter.ts';
import { benchDatabase } from './bench-database.ts';
import { drive } from './rate-limit.ts';

// As many checks in flight as a relay's default pool has connections.
const IN_FLIGHT = 10;

// Pair keys under a limit no bench reaches: every check is counted, none refused.
const asPairLimit = (keyed: KeyedLimiter): RateLimiter => ({
  take: (key) => keyed.take(`pair|${key}:bench`, 1e9),
});

export async function benchPairLimit(seconds: number): Promise<void> {
  const database = await benchDatabase();
  if ('reason' in database) {
    console.log(`(j) per-pair limit: skipped, ${database.reason}\n`);
    return;
  }
  const pool: Pool = createPostgresPool({ url: database.url, max: IN_FLIGHT });
  try {
    await migratePostgres(pool);
    const inProcess = asPairLimit(createPairLimiter(Date.now));
    const shared = asPairLimit(createPostgresKeyedLimiter({ pool }));
    await drive(shared, IN_FLIGHT, 1);
    const rows = [
      [
        '(j) per-pair take(), in process (SQLite relays)',
        await drive(inProcess, IN_FLIGHT, seconds),
      ],
      ['(j) per-pair take(), shared in PostgreSQL', await drive(shared, IN_FLIGHT, seconds)],
    ] as const;
    const [, memory] = rows[0];
    console.log(`\n(j) per-pair limit checks, ${IN_FLIGHT} in flight, ${seconds} s each:`);
    console.table(
      Object.fromEntries(
        rows.map(([name, perSecond]) => [
          name,
          {
            'checks/s': Math.round(perSecond).toLocaleString('en-US'),
            'ms per check': ((IN_FLIGHT * 1000) / perSecond).toFixed(3),
            'time vs in process': `${(memory / perSecond).toFixed(1)}x`,
          },
        ]),
      ),
    );
  } finally {
    await pool.end();
    await database.done();
  }
}
