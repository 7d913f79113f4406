// What an operator finds in the database: queue-tuned tables, a partial index for due rows, an
// UNLOGGED rate-limit table, and sessions that cannot idle inside a transaction.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPostgresPool } from '../../../src/relay/outbox/postgres-pool.ts';
import { migratePostgres, SCHEMA_VERSION } from '../../../src/relay/outbox/postgres-schema.ts';
import { describePostgres } from '../../_util/postgres.ts';
import { createTestDatabase, type TestDatabase } from '../../_util/postgres-database.ts';

describePostgres('the PostgreSQL outbox schema', (baseUrl) => {
  let database: TestDatabase;
  const pool = () => createPostgresPool({ url: database.url, max: 2 });
  beforeAll(async () => {
    database = await createTestDatabase(baseUrl, 'schema');
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('tunes the queue for churn and indexes only pending rows for claims', async () => {
    const p = pool();
    await migratePostgres(p);
    const table = await p.query(
      `SELECT relname, relpersistence, reloptions FROM pg_class
       WHERE relname IN ('relay_outbox', 'relay_rate_limit') ORDER BY relname`,
    );
    expect(table.rows[0]).toMatchObject({ relname: 'relay_outbox', relpersistence: 'p' });
    expect(table.rows[0].reloptions).toEqual(
      expect.arrayContaining(['autovacuum_vacuum_scale_factor=0.01', 'fillfactor=80']),
    );
    expect(table.rows[1]).toMatchObject({ relname: 'relay_rate_limit', relpersistence: 'u' });
    const due = await p.query(
      `SELECT indexdef FROM pg_indexes WHERE indexname = 'relay_outbox_due'`,
    );
    expect(due.rows[0].indexdef).toContain("WHERE (state = 'pending'::text)");
    await p.end();
  });

  it('records its version, and a second migration changes nothing', async () => {
    const p = pool();
    await migratePostgres(p);
    await migratePostgres(p);
    const version = await p.query(`SELECT value FROM relay_meta WHERE key = 'schema_version'`);
    expect(version.rows).toEqual([{ value: String(SCHEMA_VERSION) }]);
    await p.end();
  });

  it('refuses a database migrated by a newer relay', async () => {
    const p = pool();
    await p.query(`UPDATE relay_meta SET value = '99' WHERE key = 'schema_version'`);
    await expect(migratePostgres(p)).rejects.toThrow(
      'the database holds outbox schema version 99, newer than this relay',
    );
    await p.query(`UPDATE relay_meta SET value = $1 WHERE key = 'schema_version'`, [
      String(SCHEMA_VERSION),
    ]);
    await p.end();
  });

  it('opens sessions that end a transaction left idle and a statement left running', async () => {
    const p = pool();
    const idle = await p.query('SHOW idle_in_transaction_session_timeout');
    const statement = await p.query('SHOW statement_timeout');
    expect(idle.rows[0].idle_in_transaction_session_timeout).toBe('10s');
    expect(statement.rows[0].statement_timeout).toBe('15s');
    await p.end();
  });
});
