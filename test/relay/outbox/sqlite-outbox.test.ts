import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OUTBOX_FILE, type Outbox, openOutbox } from '../../../src/relay/outbox/index.ts';
import type { UpsertLeadBody } from '../../../src/shared/eleapi-api.ts';
import { newUuid, type TempDir, tempDir } from '../support/fixtures.ts';

describe.each(['thread', 'inline'] as const)('openOutbox with its writer %s', (mode) => {
  let dir: TempDir;
  let outbox: Outbox;
  beforeEach(() => {
    dir = tempDir();
    outbox = openOutbox(join(dir.path, 'nested', 'data'), mode);
  });
  afterEach(async () => {
    await outbox.close();
    dir.remove();
  });

  const lead = (overrides: Partial<UpsertLeadBody> = {}): UpsertLeadBody => ({
    uuid: newUuid(),
    botId: 'b',
    customerId: 'c',
    name: 'Ada',
    ...overrides,
  });

  /** Reads the file through a separate connection: what a restarted relay would find. */
  function onDisk(): { state: string; body: string | null; attempts: number }[] {
    const db = new BetterSqlite3(join(dir.path, 'nested', 'data', OUTBOX_FILE), { readonly: true });
    try {
      return db
        .prepare('SELECT state, body, attempts FROM outbox ORDER BY created_at')
        .all() as never;
    } finally {
      db.close();
    }
  }

  it('creates its folder and a WAL database file', () => {
    const db = new BetterSqlite3(join(dir.path, 'nested', 'data', OUTBOX_FILE), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('has the lead on disk by the time accept resolves', async () => {
    const body = lead();
    const id = await outbox.accept('id-1', body, 1000);
    expect(id).toBe('id-1');
    expect(onDisk()).toEqual([{ state: 'pending', body: JSON.stringify(body), attempts: 0 }]);
  });

  it('keeps one row per uuid, the newest body replacing a pending one', async () => {
    const first = lead({ name: 'First' });
    await outbox.accept('id-1', first, 1000);
    const id = await outbox.accept('id-2', { ...first, name: 'Second' }, 2000);
    expect(id).toBe('id-1');
    const rows = outbox.list('pending', 10);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: 'id-1', revision: 2, acceptedAt: 2000, createdAt: 1000 });
    expect(rows[0]?.body?.name).toBe('Second');
  });

  it('lists due rows oldest first, skipping the ones in flight and the ones not due', async () => {
    await outbox.accept('a', lead(), 1000);
    await outbox.accept('b', lead(), 1001);
    await outbox.accept('c', lead(), 5000);
    expect(outbox.due(2000, 10, new Set()).map((r) => r.id)).toEqual(['a', 'b']);
    expect(outbox.due(2000, 10, new Set(['a'])).map((r) => r.id)).toEqual(['b']);
    expect(outbox.due(9000, 1, new Set()).map((r) => r.id)).toEqual(['a']);
    expect(outbox.nextDueAt(new Set())).toBe(1000);
    expect(outbox.nextDueAt(new Set(['a', 'b']))).toBe(5000);
  });

  it('erases the personal data of a delivered lead', async () => {
    await outbox.accept('a', lead(), 1000);
    await outbox.markDelivered({
      id: 'a',
      revision: 1,
      attempts: 1,
      now: 2000,
      upstreamStatus: 200,
    });
    expect(onDisk()).toEqual([{ state: 'delivered', body: null, attempts: 1 }]);
    expect(outbox.counts()).toEqual({ pending: 0, delivered: 1, dead: 0 });
  });

  it('ignores the outcome of a send when a newer body arrived meanwhile', async () => {
    const body = lead();
    await outbox.accept('a', body, 1000);
    await outbox.accept('a2', { ...body, name: 'Newer' }, 1500);
    await outbox.markDelivered({ id: 'a', revision: 1, attempts: 1, now: 2000 });
    const [row] = outbox.list('pending', 10);
    expect(row?.body?.name).toBe('Newer');
  });

  it('schedules a retry and keeps a dead letter with the upstream answer', async () => {
    await outbox.accept('a', lead(), 1000);
    await outbox.markRetry({
      id: 'a',
      revision: 1,
      attempts: 1,
      now: 1100,
      nextAttemptAt: 5000,
      error: 'upstream answered 503',
      upstreamStatus: 503,
    });
    expect(outbox.due(4999, 10, new Set())).toEqual([]);
    expect(outbox.nextDueAt(new Set())).toBe(5000);
    await outbox.markDead({
      id: 'a',
      revision: 1,
      attempts: 2,
      now: 5100,
      error: 'upstream answered 400',
      upstreamStatus: 400,
      upstreamAnswer: '{"success":false}',
    });
    expect(outbox.list('dead', 10)[0]).toMatchObject({
      state: 'dead',
      attempts: 2,
      lastError: 'upstream answered 400',
      upstreamStatus: 400,
      upstreamAnswer: '{"success":false}',
    });
  });

  it('puts dead letters back to pending on retry, all or by id', async () => {
    for (const id of ['a', 'b', 'c']) {
      await outbox.accept(id, lead(), 1000);
      await outbox.markDead({ id, revision: 1, attempts: 3, now: 1000 });
    }
    expect(await outbox.retryDead(['a', 'nope'], 2000)).toBe(1);
    expect(outbox.due(2000, 10, new Set()).map((r) => [r.id, r.attempts])).toEqual([['a', 0]]);
    expect(await outbox.retryDead(undefined, 3000)).toBe(2);
    expect(outbox.counts()).toEqual({ pending: 3, delivered: 0, dead: 0 });
  });

  it('finds its pending leads again after a restart', async () => {
    await outbox.accept('a', lead(), 1000);
    await outbox.close();
    outbox = openOutbox(join(dir.path, 'nested', 'data'), mode);
    expect(outbox.due(2000, 10, new Set()).map((r) => r.id)).toEqual(['a']);
  });

  it('prunes delivered rows older than the retention', async () => {
    await outbox.accept('old', lead(), 1000);
    await outbox.accept('new', lead(), 1000);
    await outbox.markDelivered({ id: 'old', revision: 1, attempts: 1, now: 2000 });
    await outbox.markDelivered({ id: 'new', revision: 1, attempts: 1, now: 9000 });
    expect(await outbox.pruneDelivered(5000)).toBe(1);
    expect(outbox.list('delivered', 10).map((r) => r.id)).toEqual(['new']);
  });
});
