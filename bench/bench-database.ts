// The bench's PostgreSQL: RELAY_TEST_DATABASE_URL when set (a database of its own on that
// cluster), else a throwaway cluster from initdb; a fresh database per measured run.
import pg from 'pg';
import { startPrivateCluster } from '../test/_util/postgres-cluster.ts';
import { createTestDatabase } from '../test/_util/postgres-database.ts';

/** A database for the bench, or why there is none. */
export async function benchDatabase(): Promise<
  { url: string; done(): Promise<void> } | { reason: string }
> {
  const shared = process.env.RELAY_TEST_DATABASE_URL?.trim();
  try {
    if (shared) {
      const database = await createTestDatabase(shared, 'bench');
      return { url: database.url, done: database.drop };
    }
    const cluster = await startPrivateCluster();
    return { url: cluster.url, done: cluster.remove };
  } catch (error) {
    return {
      reason: `no PostgreSQL for the bench (set RELAY_TEST_DATABASE_URL, or install postgresql for initdb): ${(error as Error).message.split('\n')[0]}`,
    };
  }
}

/** A database of its own for one run, on the bench's cluster. */
export async function freshDatabase(baseUrl: string, round: number) {
  const database = await createTestDatabase(baseUrl, `bench_${round}`);
  return {
    url: database.url,
    drop: database.drop,
    // Drops the accepted rows so delivery starts from exactly `leads` pending rows.
    async reset() {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      await client.query('TRUNCATE relay_outbox');
      await client.end();
    },
  };
}
