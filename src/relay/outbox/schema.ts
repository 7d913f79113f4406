// The outbox's SQLite schema. One row per (bot, customer, uuid): eleapi upserts by uuid within
// one bot of one customer, so a later submission merges into its row instead of queueing a send.
import type { Database } from 'better-sqlite3';
import type { StoredRow } from './stored-row.ts';

export { OUTBOX_STATES, type OutboxState } from './outbox.ts';

const SCHEMA_VERSION = 2;

/** WAL lets readers run during a commit; FULL makes each commit durable before 202 is sent. */
export function configureConnection(db: Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
}

const CREATE_OUTBOX = `
  CREATE TABLE outbox (
    id              TEXT PRIMARY KEY,
    bot_id          TEXT NOT NULL,
    customer_id     TEXT NOT NULL,
    uuid            TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
    body            TEXT,              -- upstream JSON the next attempt sends; erased once delivered
    held            TEXT,              -- submissions accepted while the row was leased, merged
    revision        INTEGER NOT NULL,  -- version of body
    attempts        INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,  -- epoch ms, first submission for the key
    accepted_at     INTEGER NOT NULL,  -- epoch ms, latest submission
    updated_at      INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    lease_owner     TEXT,              -- the sender instance holding the row, until lease_until
    lease_until     INTEGER,
    last_error      TEXT,
    upstream_status INTEGER,
    upstream_answer TEXT,
    UNIQUE (bot_id, customer_id, uuid)
  )`;

// Claims walk (state, next_attempt_at); listings walk (state, created_at), one state at a time
// (an index more would cost every accept); nextDueAt finds live leases without a scan.
const CREATE_INDEXES = `
  CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
  CREATE INDEX outbox_listing ON outbox (state, created_at);
  CREATE INDEX outbox_leases ON outbox (lease_until) WHERE lease_until IS NOT NULL`;

const COLUMNS = `id, bot_id, customer_id, uuid, state, body, held, revision, attempts, created_at,
  accepted_at, updated_at, next_attempt_at, lease_owner, lease_until, last_error, upstream_status,
  upstream_answer`;

// Version 1 was unique on uuid alone; its rows keep their ids. A delivered v1 row has no body
// left to read its bot from: it gets an empty key, which no new submission can collide with.
const FROM_V1 = `
  ALTER TABLE outbox RENAME TO outbox_v1;
  ${CREATE_OUTBOX};
  INSERT INTO outbox (${COLUMNS})
    SELECT id, coalesce(json_extract(body, '$.botId'), ''),
      coalesce(json_extract(body, '$.customerId'), ''), uuid, state, body, NULL, revision,
      attempts, created_at, accepted_at, updated_at, next_attempt_at, NULL, NULL, last_error,
      upstream_status, upstream_answer
    FROM outbox_v1;
  DROP TABLE outbox_v1`;

export function migrate(db: Database): void {
  configureConnection(db);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version >= SCHEMA_VERSION) return;
  db.transaction(() => {
    db.exec(version === 1 ? FROM_V1 : CREATE_OUTBOX);
    db.exec(CREATE_INDEXES);
    db.exec(`CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

/** A row as SQLite returns it: the stored shape with epoch ms as numbers, and `held`. */
export interface RawRow extends StoredRow {
  held: string | null;
  accepted_at: number;
  created_at: number;
  updated_at: number;
  next_attempt_at: number;
  lease_until: number | null;
}
