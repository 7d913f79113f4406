// `eleapi-relay migrate-outbox`: a SQLite outbox's pending and dead leads move to PostgreSQL,
// once, however often it runs.
import { Writable } from 'node:stream';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runMigrateOutbox } from '../../src/cli/migrate-outbox.ts';
import { openOutbox } from '../../src/relay/outbox/index.ts';
import type { Outbox } from '../../src/relay/outbox/outbox.ts';
import { openPostgresOutbox } from '../../src/relay/outbox/postgres-outbox.ts';
import { createPostgresPool } from '../../src/relay/outbox/postgres-pool.ts';
import { describePostgres } from '../_util/postgres.ts';
import { createTestDatabase, type TestDatabase } from '../_util/postgres-database.ts';
import { runRelayCli } from '../relay/support/child-relay.ts';
import { type TempDir, tempDir } from '../relay/support/fixtures.ts';

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

const lead = (uuid: string, name: string) => ({ uuid, botId: 'bot1', customerId: 'cust1', name });

/** A SQLite outbox with two pending leads (one retried once), one dead and one delivered. */
async function fillSqlite(dir: string): Promise<void> {
  const outbox = openOutbox(dir, { writer: 'inline' });
  await outbox.accept(lead('u-pending', 'Ada'), 1_000);
  await outbox.accept(lead('u-retried', 'Bea'), 1_001);
  await outbox.accept(lead('u-dead', 'Cy'), 1_002);
  await outbox.accept(lead('u-delivered', 'Di'), 1_003);
  const claimed = await outbox.claim('old-relay', 2_000, 10, 60_000);
  const byUuid = new Map(claimed.map((row) => [row.uuid, row]));
  const record = (uuid: string) => {
    const row = byUuid.get(uuid);
    if (!row) throw new Error(`${uuid} was not claimed`);
    return {
      id: row.id,
      revision: row.revision,
      leaseOwner: row.leaseOwner,
      attempts: 1,
      now: 2_001,
    };
  };
  await outbox
    .markDelivered(record('u-pending'))
    .then(() => outbox.accept(lead('u-pending', 'Ada L.'), 2_002));
  await outbox.markRetry({ ...record('u-retried'), nextAttemptAt: 9_000, error: 'timeout' });
  await outbox.markDead({
    ...record('u-dead'),
    error: 'rejected',
    upstreamStatus: 422,
    upstreamAnswer: '{"success":false}',
  });
  await outbox.markDelivered(record('u-delivered'));
  await outbox.close();
}

describePostgres('eleapi-relay migrate-outbox', (baseUrl) => {
  let database: TestDatabase;
  let dir: TempDir;
  beforeEach(async () => {
    database = await createTestDatabase(baseUrl, 'migrate');
    dir = tempDir();
    await fillSqlite(dir.path);
  });
  afterEach(async () => {
    dir.remove();
    await database.drop();
  });

  const migrate = async () => {
    const out = sink();
    const err = sink();
    const code = await runMigrateOutbox(
      ['--to', database.url],
      { RELAY_DATA_DIR: dir.path },
      {
        stdout: out.stream,
        stderr: err.stream,
      },
    );
    return { code, out: out.text(), err: err.text() };
  };

  it('copies pending and dead leads, with their state, and leaves delivered ones behind', async () => {
    const first = await migrate();
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toContain('copied 2 pending and 1 dead leads');
    expect(first.out).toContain('0 already there');

    const outbox: Outbox = await openPostgresOutbox({
      pool: createPostgresPool({ url: database.url, max: 2 }),
    });
    const rows = await outbox.list(undefined, 10);
    expect(rows.map((r) => [r.uuid, r.state, r.body?.name])).toEqual([
      ['u-pending', 'pending', 'Ada L.'],
      ['u-retried', 'pending', 'Bea'],
      ['u-dead', 'dead', 'Cy'],
    ]);
    expect(rows[1]).toMatchObject({ attempts: 1, nextAttemptAt: 9_000, lastError: 'timeout' });
    expect(rows[2]).toMatchObject({ upstreamStatus: 422, upstreamAnswer: '{"success":false}' });
    // The copied leads are sendable at once by any relay: no lease came along.
    expect((await outbox.claim('new-relay', 10_000, 10, 60_000)).map((r) => r.uuid).sort()).toEqual(
      ['u-pending', 'u-retried'],
    );
    await outbox.close();
  });

  it('copies nothing twice when run again', async () => {
    await migrate();
    const second = await migrate();
    expect(second.code).toBe(0);
    expect(second.out).toContain('copied 0 pending and 0 dead leads');
    expect(second.out).toContain('3 already there');
  });

  it('runs from the relay CLI and prints the target without its password', async () => {
    const url = new URL(database.url);
    url.password = 'not-used-by-trust-auth';
    const run = runRelayCli({ RELAY_DATA_DIR: dir.path }, [
      'migrate-outbox',
      '--to',
      url.toString(),
    ]);
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('copied 2 pending and 1 dead leads');
    expect(run.output()).not.toContain('not-used-by-trust-auth');
  });

  it('says what is wrong when there is no SQLite outbox', async () => {
    const empty = tempDir();
    const err = sink();
    const code = await runMigrateOutbox(
      ['--to', database.url],
      { RELAY_DATA_DIR: empty.path },
      {
        stdout: sink().stream,
        stderr: err.stream,
      },
    );
    empty.remove();
    expect(code).toBe(2);
    expect(err.text()).toContain('no SQLite outbox at');
  });
});
