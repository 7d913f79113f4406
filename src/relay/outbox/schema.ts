// The outbox's SQLite schema. One row per chat uuid: the upstream is an upsert keyed by uuid,
// so a newer submission replaces the body of the row instead of queueing a second send.
import type { Database } from 'better-sqlite3';

const SCHEMA_VERSION = 1;

export const OUTBOX_STATES = ['pending', 'delivered', 'dead'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** WAL lets readers run during a commit; FULL makes each commit durable before 202 is sent. */
export function configureConnection(db: Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
}

export function migrate(db: Database): void {
  configureConnection(db);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version >= SCHEMA_VERSION) return;
  db.exec(`
    CREATE TABLE IF NOT EXISTS outbox (
      id              TEXT PRIMARY KEY,
      uuid            TEXT NOT NULL UNIQUE,
      state           TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
      body            TEXT,              -- upstream JSON; erased once delivered
      revision        INTEGER NOT NULL,  -- bumped by each newer body for the uuid
      attempts        INTEGER NOT NULL,
      created_at      INTEGER NOT NULL,  -- epoch ms, first submission for the uuid
      accepted_at     INTEGER NOT NULL,  -- epoch ms, latest body
      updated_at      INTEGER NOT NULL,
      next_attempt_at INTEGER NOT NULL,
      last_error      TEXT,
      upstream_status INTEGER,
      upstream_answer TEXT
    );
    CREATE INDEX IF NOT EXISTS outbox_by_state ON outbox (state, next_attempt_at);
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    PRAGMA user_version = ${SCHEMA_VERSION};
  `);
}
