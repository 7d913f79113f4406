// The durable outbox (better-sqlite3): accepted leads wait here until eleapi confirms them.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { UpsertLeadBody } from '../shared/eleapi-api.ts';
import { createGroupCommit } from './group-commit.ts';
import { migrate, type OutboxState } from './outbox-schema.ts';

export { OUTBOX_STATES, type OutboxState } from './outbox-schema.ts';

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
  close(): void;
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

/** Opens (creating the folder and file if needed) the outbox in `dataDir`. */
export function openOutbox(dataDir: string): Outbox {
  mkdirSync(dataDir, { recursive: true });
  const db = new BetterSqlite3(join(dataDir, OUTBOX_FILE));
  migrate(db);
  const writes = createGroupCommit({ transaction: (work) => db.transaction(work)() });

  const insert = db.prepare(`
    INSERT INTO outbox (id, uuid, state, body, revision, attempts, created_at, accepted_at,
                        updated_at, next_attempt_at)
    VALUES (@id, @uuid, 'pending', @body, 1, 0, @now, @now, @now, @now)
    ON CONFLICT (uuid) DO UPDATE SET
      state = 'pending', body = excluded.body, revision = revision + 1, attempts = 0,
      accepted_at = excluded.accepted_at, updated_at = excluded.updated_at,
      next_attempt_at = excluded.next_attempt_at,
      last_error = NULL, upstream_status = NULL, upstream_answer = NULL
    RETURNING id`);
  const dueRows = db.prepare<[number, number]>(
    `SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= ?
     ORDER BY next_attempt_at LIMIT ?`,
  );
  const nextDue = db.prepare<[number]>(
    `SELECT id, next_attempt_at AS at FROM outbox WHERE state = 'pending'
     ORDER BY next_attempt_at LIMIT ?`,
  );
  const mark = db.prepare(`
    UPDATE outbox SET state = @state, attempts = @attempts, updated_at = @now,
      next_attempt_at = @next, last_error = @error, upstream_status = @status,
      upstream_answer = @answer, body = CASE WHEN @state = 'delivered' THEN NULL ELSE body END
    WHERE id = @id AND revision = @revision AND state = 'pending'`);
  const reviveAll = db.prepare(
    `UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ?
     WHERE state = 'dead'`,
  );
  const reviveOne = db.prepare(
    `UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ?
     WHERE state = 'dead' AND id = ?`,
  );
  const listAll = db.prepare<[number]>(
    `SELECT * FROM outbox WHERE state != 'delivered' ORDER BY created_at LIMIT ?`,
  );
  const listState = db.prepare<[string, number]>(
    `SELECT * FROM outbox WHERE state = ? ORDER BY created_at LIMIT ?`,
  );
  const count = db.prepare(`SELECT state, count(*) AS n FROM outbox GROUP BY state`);
  const prune = db.prepare(`DELETE FROM outbox WHERE state = 'delivered' AND updated_at < ?`);
  const touch = db.prepare(
    `INSERT INTO meta (key, value) VALUES ('ready_check', ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );

  const record = (state: OutboxState, r: AttemptRecord, next: number) =>
    writes.submit(() => {
      mark.run({
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
    });

  return {
    accept: (id, body, now) =>
      writes.submit(
        () =>
          (insert.get({ id, uuid: body.uuid, body: JSON.stringify(body), now }) as { id: string })
            .id,
      ),
    due(now, limit, skip) {
      const rows = (dueRows.all(now, limit + skip.size) as RawRow[]).filter((r) => !skip.has(r.id));
      return rows.slice(0, limit).map(toRow);
    },
    nextDueAt(skip) {
      const rows = nextDue.all(skip.size + 1) as { id: string; at: number }[];
      return rows.find((r) => !skip.has(r.id))?.at;
    },
    markDelivered: (r) => record('delivered', r, r.now),
    markRetry: (r) => record('pending', r, r.nextAttemptAt),
    markDead: (r) => record('dead', r, r.now),
    retryDead: (ids, now) =>
      writes.submit(() =>
        ids === undefined
          ? reviveAll.run(now, now).changes
          : ids.reduce((n, id) => n + reviveOne.run(now, now, id).changes, 0),
      ),
    list: (state, limit) =>
      ((state ? listState.all(state, limit) : listAll.all(limit)) as RawRow[]).map(toRow),
    counts() {
      const counts: Record<OutboxState, number> = { pending: 0, delivered: 0, dead: 0 };
      for (const { state, n } of count.all() as { state: OutboxState; n: number }[]) {
        counts[state] = n;
      }
      return counts;
    },
    pruneDelivered: (before) => writes.submit(() => prune.run(before).changes),
    checkWritable: (now) =>
      writes.submit(() => {
        touch.run(String(now));
      }),
    close() {
      writes.close();
      db.close();
    },
  };
}
