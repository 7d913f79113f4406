// The durable outbox on SQLite (better-sqlite3): accepted leads wait here until eleapi confirms
// them. The rules it keeps are outbox.ts's; reads run here, writes on the writer thread.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

import { createRandomId } from '../random-id.ts';
import { createGroupCommit } from './group-commit.ts';
import { checkIntegrity, isDamage, OutboxDamagedError } from './integrity.ts';
import type { OpValue, OutboxOp, OutcomeKind } from './ops.ts';
import type { AttemptRecord, Outbox, OutboxState } from './outbox.ts';
import { migrate, type RawRow } from './schema.ts';
import { toClaimed, toRow } from './stored-row.ts';
import { startOutboxWriter, type WriterMode } from './writer.ts';

export const OUTBOX_FILE = 'outbox.sqlite';

export interface OpenOutboxOptions {
  writer?: WriterMode;
  /** Row ids (never shown to browsers); random by default. */
  newId?: () => string;
}

/**
 * Opens (creating the folder and file if needed) the outbox in `dataDir`, after checking the
 * file's integrity: a damaged file throws OutboxDamagedError and is left as it is.
 */
export function openOutbox(dataDir: string, options: OpenOutboxOptions = {}): Outbox {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, OUTBOX_FILE);
  const db = new BetterSqlite3(file);
  try {
    checkIntegrity(db, file);
    migrate(db);
  } catch (error) {
    db.close();
    if (isDamage(error) && !(error instanceof OutboxDamagedError)) {
      throw new OutboxDamagedError(file, (error as Error).message);
    }
    throw error;
  }
  // Listings read up to 1000 rows scattered over the file: keep more pages than the 2 MB default.
  db.pragma('cache_size = -32768');
  const writer = startOutboxWriter(file, options.writer);
  const writes = createGroupCommit<OutboxOp, OpValue>({ commit: writer.commit });
  const newId = options.newId ?? createRandomId();
  // Once SQLite reports damage, nothing more is accepted until an operator recovers the file.
  let damage: Error | undefined;

  const guard = <T>(work: () => Promise<T>): Promise<T> => {
    if (damage) return Promise.reject(damage);
    return work().catch((error: unknown) => {
      if (isDamage(error)) damage ??= new OutboxDamagedError(file, (error as Error).message);
      throw error;
    });
  };
  const read = <T>(query: () => T): Promise<T> => guard(async () => query());
  const write = (op: OutboxOp) => guard(() => writes.submit(op));

  const nextFree = db.prepare<[number]>(
    `SELECT next_attempt_at AS at FROM outbox
     WHERE state = 'pending' AND (lease_until IS NULL OR lease_until < ?)
     ORDER BY next_attempt_at LIMIT 1`,
  );
  const nextLeaseEnd = db.prepare<[number]>(
    `SELECT min(lease_until) AS at FROM outbox
     WHERE lease_until IS NOT NULL AND lease_until >= ? AND state = 'pending'`,
  );
  const listState = db.prepare<[string, number]>(
    `SELECT * FROM outbox WHERE state = ? ORDER BY created_at LIMIT ?`,
  );
  const count = db.prepare(`SELECT state, count(*) AS n FROM outbox GROUP BY state`);

  const outcome = async (kind: OutcomeKind, r: AttemptRecord, next: number) =>
    (await write({
      kind: 'outcome',
      outcome: kind,
      id: r.id,
      revision: r.revision,
      owner: r.leaseOwner,
      attempts: r.attempts,
      now: r.now,
      next,
      error: r.error ?? null,
      status: r.upstreamStatus ?? null,
      answer: r.upstreamAnswer ?? null,
    })) === 1;

  return {
    accept: async (body, now) => {
      const { botId, customerId, uuid } = body;
      const json = JSON.stringify(body);
      await write({ kind: 'accept', id: newId(), botId, customerId, uuid, body: json, now });
    },
    claim: async (owner, now, limit, leaseMs) =>
      ((await write({ kind: 'claim', owner, now, limit, leaseMs })) as RawRow[]).map(toClaimed),
    nextDueAt: (now) =>
      read(() => {
        const free = (nextFree.get(now) as { at: number } | undefined)?.at;
        const leased = (nextLeaseEnd.get(now) as { at: number | null }).at;
        // A lease is taken over once it has expired: just after lease_until.
        const times = [free, leased === null ? undefined : leased + 1].filter(
          (t): t is number => t !== undefined,
        );
        return times.length > 0 ? Math.min(...times) : undefined;
      }),
    markDelivered: (r) => outcome('delivered', r, r.now),
    markRetry: (r) => outcome('retry', r, r.nextAttemptAt),
    markDead: (r) => outcome('dead', r, r.now),
    retry: async (ids, now) =>
      Number(await write({ kind: 'retry', ids: ids ? [...ids] : null, now })),
    list: (state, limit) =>
      read(() => {
        const rows = (states: readonly OutboxState[]) =>
          states.flatMap((s) => listState.all(s, limit) as RawRow[]);
        // Everything not delivered: each state walks its index, then the oldest `limit` win.
        const found = state ? rows([state]) : rows(['pending', 'dead']);
        if (!state) found.sort((a, b) => a.created_at - b.created_at);
        return found.slice(0, limit).map(toRow);
      }),
    counts: () =>
      read(() => {
        const counts: Record<OutboxState, number> = { pending: 0, delivered: 0, dead: 0 };
        for (const { state, n } of count.all() as { state: OutboxState; n: number }[]) {
          counts[state] = n;
        }
        return counts;
      }),
    pruneDelivered: async (before) => Number(await write({ kind: 'prune', before })),
    checkWritable: async (now) => {
      await write({ kind: 'touch', now });
    },
    async close() {
      await writes.close();
      await writer.close();
      db.close();
    },
  };
}
