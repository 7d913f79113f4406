// The durable outbox (better-sqlite3): accepted leads wait here until eleapi confirms them.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { UpsertLeadBody } from '../../shared/eleapi-api.ts';
import { createGroupCommit } from './group-commit.ts';
import type { OpValue, OutboxOp } from './ops.ts';
import { migrate, type OutboxState } from './schema.ts';
import { startOutboxWriter, type WriterMode } from './writer.ts';

export { OUTBOX_STATES, type OutboxState } from './schema.ts';

export const OUTBOX_FILE = 'outbox.sqlite';

export interface OutboxRow {
  id: string;
  uuid: string;
  state: OutboxState;
  /** Undefined once delivered: personal data is not kept after eleapi has it. */
  body: UpsertLeadBody | undefined;
  revision: number;
  attempts: number;
  createdAt: number;
  acceptedAt: number;
  updatedAt: number;
  nextAttemptAt: number;
  lastError: string | undefined;
  upstreamStatus: number | undefined;
  upstreamAnswer: string | undefined;
}

/** What one delivery attempt ended with, recorded against the revision it sent. */
export interface AttemptRecord {
  id: string;
  revision: number;
  attempts: number;
  now: number;
  error?: string | undefined;
  upstreamStatus?: number | undefined;
  upstreamAnswer?: string | undefined;
}

export interface Outbox {
  /** Stores (or replaces, by uuid) a lead; resolves with its row id once on disk. */
  accept(id: string, body: UpsertLeadBody, now: number): Promise<string>;
  /** Pending rows due by `now`, oldest first, skipping ids in `skip`. */
  due(now: number, limit: number, skip: ReadonlySet<string>): OutboxRow[];
  /** When the earliest pending row not in `skip` becomes due, if any. */
  nextDueAt(skip: ReadonlySet<string>): number | undefined;
  // The marks below do nothing when a newer body arrived meanwhile (revision changed).
  markDelivered(record: AttemptRecord): Promise<void>;
  markRetry(record: AttemptRecord & { nextAttemptAt: number }): Promise<void>;
  markDead(record: AttemptRecord): Promise<void>;
  /** Dead letters (all, or those ids) back to pending now; resolves with how many. */
  retryDead(ids: readonly string[] | undefined, now: number): Promise<number>;
  list(state: OutboxState | undefined, limit: number): OutboxRow[];
  counts(): Record<OutboxState, number>;
  /** Deletes delivered rows last touched before `before`. */
  pruneDelivered(before: number): Promise<number>;
  /** A cheap durable write, for readiness. */
  checkWritable(now: number): Promise<void>;
  /** Commits what is queued, then closes the database. */
  close(): Promise<void>;
}

interface RawRow {
  id: string;
  uuid: string;
  state: OutboxState;
  body: string | null;
  revision: number;
  attempts: number;
  created_at: number;
  accepted_at: number;
  updated_at: number;
  next_attempt_at: number;
  last_error: string | null;
  upstream_status: number | null;
  upstream_answer: string | null;
}

function toRow(raw: RawRow): OutboxRow {
  return {
    id: raw.id,
    uuid: raw.uuid,
    state: raw.state,
    body: raw.body === null ? undefined : (JSON.parse(raw.body) as UpsertLeadBody),
    revision: raw.revision,
    attempts: raw.attempts,
    createdAt: raw.created_at,
    acceptedAt: raw.accepted_at,
    updatedAt: raw.updated_at,
    nextAttemptAt: raw.next_attempt_at,
    lastError: raw.last_error ?? undefined,
    upstreamStatus: raw.upstream_status ?? undefined,
    upstreamAnswer: raw.upstream_answer ?? undefined,
  };
}

/**
 * Opens (creating the folder and file if needed) the outbox in `dataDir`. Reads run here on
 * their own connection (WAL lets them see every commit); writes go to the writer thread.
 */
export function openOutbox(dataDir: string, writerMode: WriterMode = 'thread'): Outbox {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, OUTBOX_FILE);
  const db = new BetterSqlite3(file);
  migrate(db);
  const writer = startOutboxWriter(file, writerMode);
  const writes = createGroupCommit<OutboxOp, OpValue>({ commit: writer.commit });

  const dueRows = db.prepare<[number, number]>(
    `SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= ?
     ORDER BY next_attempt_at LIMIT ?`,
  );
  const nextDue = db.prepare<[number]>(
    `SELECT id, next_attempt_at AS at FROM outbox WHERE state = 'pending'
     ORDER BY next_attempt_at LIMIT ?`,
  );
  const listAll = db.prepare<[number]>(
    `SELECT * FROM outbox WHERE state != 'delivered' ORDER BY created_at LIMIT ?`,
  );
  const listState = db.prepare<[string, number]>(
    `SELECT * FROM outbox WHERE state = ? ORDER BY created_at LIMIT ?`,
  );
  const count = db.prepare(`SELECT state, count(*) AS n FROM outbox GROUP BY state`);

  const mark = async (state: OutboxState, r: AttemptRecord, next: number) => {
    await writes.submit({
      kind: 'mark',
      state,
      id: r.id,
      revision: r.revision,
      attempts: r.attempts,
      now: r.now,
      next,
      error: r.error ?? null,
      status: r.upstreamStatus ?? null,
      answer: r.upstreamAnswer ?? null,
    });
  };

  return {
    accept: async (id, body, now) =>
      String(
        await writes.submit({
          kind: 'accept',
          id,
          uuid: body.uuid,
          body: JSON.stringify(body),
          now,
        }),
      ),
    due(now, limit, skip) {
      const rows = (dueRows.all(now, limit + skip.size) as RawRow[]).filter((r) => !skip.has(r.id));
      return rows.slice(0, limit).map(toRow);
    },
    nextDueAt(skip) {
      const rows = nextDue.all(skip.size + 1) as { id: string; at: number }[];
      return rows.find((r) => !skip.has(r.id))?.at;
    },
    markDelivered: (r) => mark('delivered', r, r.now),
    markRetry: (r) => mark('pending', r, r.nextAttemptAt),
    markDead: (r) => mark('dead', r, r.now),
    retryDead: async (ids, now) =>
      Number(await writes.submit({ kind: 'revive', ids: ids ? [...ids] : null, now })),
    list: (state, limit) =>
      ((state ? listState.all(state, limit) : listAll.all(limit)) as RawRow[]).map(toRow),
    counts() {
      const counts: Record<OutboxState, number> = { pending: 0, delivered: 0, dead: 0 };
      for (const { state, n } of count.all() as { state: OutboxState; n: number }[]) {
        counts[state] = n;
      }
      return counts;
    },
    pruneDelivered: async (before) => Number(await writes.submit({ kind: 'prune', before })),
    checkWritable: async (now) => {
      await writes.submit({ kind: 'touch', now });
    },
    async close() {
      await writes.close();
      await writer.close();
      db.close();
    },
  };
}
