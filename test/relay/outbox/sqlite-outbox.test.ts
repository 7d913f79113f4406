import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  OUTBOX_FILE,
  type Outbox,
  OutboxDamagedError,
  openOutbox,
} from '../../../src/relay/outbox/index.ts';
import type { UpsertLeadBody } from '../../../src/shared/eleapi-api.ts';
import { damagePages } from '../../_util/relay/damage.ts';
import { newUuid, type TempDir, tempDir } from '../../_util/relay/fixtures.ts';
import { describeOutboxContract } from './outbox-contract.ts';

for (const writer of ['thread', 'inline'] as const) {
  describeOutboxContract(`SQLite, writer ${writer}`, async () => {
    const dir = tempDir();
    const outbox = openOutbox(dir.path, { writer });
    return {
      outbox,
      async close() {
        await outbox.close();
        dir.remove();
      },
    };
  });
}

const lead = (overrides: Partial<UpsertLeadBody> = {}): UpsertLeadBody => ({
  uuid: newUuid(),
  botId: 'b',
  customerId: 'c',
  name: 'Ada',
  ...overrides,
});

describe('the SQLite outbox file', () => {
  let dir: TempDir;
  let outbox: Outbox | undefined;
  const file = () => join(dir.path, 'data', OUTBOX_FILE);
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(async () => {
    await outbox?.close();
    outbox = undefined;
    dir.remove();
  });

  /** What a restarted relay would find, through a separate connection. */
  function onDisk(): { state: string; body: string | null; lease_owner: string | null }[] {
    const db = new BetterSqlite3(file(), { readonly: true });
    try {
      return db
        .prepare('SELECT state, body, lease_owner FROM outbox ORDER BY created_at')
        .all() as never;
    } finally {
      db.close();
    }
  }

  it('creates its folder and a WAL database, with the lead on disk once accept resolves', async () => {
    outbox = openOutbox(join(dir.path, 'data'));
    const body = lead();
    await outbox.accept(body, 1000);
    const db = new BetterSqlite3(file(), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect(onDisk()).toEqual([{ state: 'pending', body: JSON.stringify(body), lease_owner: null }]);
  });

  it('keeps leases and pending rows across a restart', async () => {
    outbox = openOutbox(join(dir.path, 'data'));
    await outbox.accept(lead(), 1000);
    await outbox.accept(lead(), 1000);
    await outbox.claim('A', 1000, 1, 60_000);
    await outbox.close();
    outbox = openOutbox(join(dir.path, 'data'));
    expect(await outbox.claim('B', 2000, 10, 60_000)).toHaveLength(1);
    expect(onDisk().map((r) => r.lease_owner)).toEqual(['A', 'B']);
  });

  it('lists pending rows by age through an index, not a sort', async () => {
    outbox = openOutbox(join(dir.path, 'data'));
    await outbox.accept(lead(), 1000);
    const db = new BetterSqlite3(file(), { readonly: true });
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join('; ');
    const byState = plan(
      `SELECT * FROM outbox WHERE state = 'pending' ORDER BY created_at LIMIT 10`,
    );
    db.close();
    expect(byState).toMatch(/USING INDEX/);
    expect(byState).not.toMatch(/TEMP B-TREE/);
  });

  it('moves every row of a version 1 file (unique on uuid) to the new key', async () => {
    const dataDir = join(dir.path, 'data');
    mkdirSync(dataDir);
    const db = new BetterSqlite3(file());
    db.pragma('journal_mode = WAL');
    db.exec(`
      CREATE TABLE outbox (
        id TEXT PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')), body TEXT,
        revision INTEGER NOT NULL, attempts INTEGER NOT NULL, created_at INTEGER NOT NULL,
        accepted_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
        next_attempt_at INTEGER NOT NULL, last_error TEXT, upstream_status INTEGER,
        upstream_answer TEXT);
      CREATE INDEX outbox_by_state ON outbox (state, next_attempt_at);
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      PRAGMA user_version = 1;`);
    const insert = db.prepare(
      `INSERT INTO outbox VALUES (?, ?, ?, ?, 2, ?, 100, 200, 300, 400, ?, ?, NULL)`,
    );
    const pending = lead({ botId: 'bot1', customerId: 'cust1' });
    const dead = lead({ botId: 'bot2', customerId: 'cust2' });
    insert.run(
      'p1',
      pending.uuid,
      'pending',
      JSON.stringify(pending),
      3,
      'upstream answered 503',
      503,
    );
    insert.run('d1', newUuid(), 'delivered', null, 1, null, 200);
    insert.run('x1', dead.uuid, 'dead', JSON.stringify(dead), 15, 'upstream answered 400', 400);
    db.close();

    outbox = openOutbox(dataDir);
    const rows = await outbox.list(undefined, 10);
    expect(rows.map((r) => [r.id, r.botId, r.customerId, r.state, r.attempts])).toEqual([
      ['p1', 'bot1', 'cust1', 'pending', 3],
      ['x1', 'bot2', 'cust2', 'dead', 15],
    ]);
    expect(rows[0]).toMatchObject({
      body: pending,
      revision: 2,
      lastError: 'upstream answered 503',
    });
    expect(await outbox.counts()).toEqual({ pending: 1, delivered: 1, dead: 1 });
    // The old row merges with a new submission under the new key.
    await outbox.accept({ ...pending, name: 'Later' }, 500);
    expect(await outbox.list('pending', 10)).toMatchObject([{ id: 'p1', revision: 3 }]);
  });

  /** An outbox file with 200 leads of ~200 bytes each: enough pages to damage some. */
  async function seedOutboxFile(): Promise<string> {
    const dataDir = join(dir.path, 'data');
    const seeded = openOutbox(dataDir);
    for (let i = 0; i < 200; i++)
      await seeded.accept(
        lead({ notes: [{ title: 'Message', description: 'x'.repeat(200) }] }),
        1000,
      );
    await seeded.close();
    return dataDir;
  }

  it('refuses to open a damaged file, naming it and the recovery, and deletes nothing', async () => {
    const dataDir = await seedOutboxFile();
    expect(damagePages(file())).toBeGreaterThan(5);
    const before = readFileSync(file());
    let thrown: unknown;
    try {
      outbox = openOutbox(dataDir);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(OutboxDamagedError);
    expect((thrown as Error).message).toContain(file());
    expect((thrown as Error).message).toContain('.recover');
    expect(readFileSync(file()).equals(before)).toBe(true);
  });

  it('stops accepting once SQLite reports damage at run time', async () => {
    const dataDir = await seedOutboxFile();
    outbox = openOutbox(dataDir, { writer: 'inline' });
    // Another connection's write makes this one drop its page cache and read the disk again.
    const other = new BetterSqlite3(file());
    other.prepare(`INSERT INTO meta (key, value) VALUES ('poke', '1')`).run();
    other.close();
    damagePages(file());
    await expect(outbox.accept(lead(), 2000)).rejects.toThrow(/malformed|not a database/);
    await expect(outbox.checkWritable(2000)).rejects.toBeInstanceOf(OutboxDamagedError);
    await expect(outbox.accept(lead(), 2000)).rejects.toBeInstanceOf(OutboxDamagedError);
  });
});
