// The database CI hands to the PostgreSQL tests answers, and is a version the relay supports.
import pg from 'pg';
import { expect, it } from 'vitest';
import { describePostgres } from './postgres.ts';

describePostgres('the test database (RELAY_TEST_DATABASE_URL)', (databaseUrl) => {
  it('answers a query and runs PostgreSQL 15 or newer', async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const one = await client.query('SELECT 1 AS one');
      expect(one.rows).toEqual([{ one: 1 }]);
      const version = await client.query(
        "SELECT current_setting('server_version_num')::int AS number",
      );
      expect(version.rows[0].number).toBeGreaterThanOrEqual(150_000);
    } finally {
      await client.end();
    }
  });
});
