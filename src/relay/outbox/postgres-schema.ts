// The outbox's PostgreSQL schema, created or migrated at start. Several relays may start at
// once: each migrates inside a transaction holding one advisory lock, so they take turns and
// the later ones find the work done.
import type { Pool } from 'pg';
import { inTransaction } from './postgres-pool.ts';

export const OUTBOX_TABLE = 'relay_outbox';
export const META_TABLE = 'relay_meta';
export const RATE_TABLE = 'relay_rate_limit';

// Any constant shared by every relay works; this one reads as what it guards.
const MIGRATION_LOCK_KEY = "hashtext('eleapi-relay schema')";

// A queue table churns: every row is inserted, updated a few times and deleted within a day.
// Vacuum it after 1% of dead rows instead of 20%, and leave free room on pages so updates that
// do not touch an indexed column stay on the page (HOT).
const QUEUE_STORAGE = `fillfactor = 80, autovacuum_vacuum_scale_factor = 0.01,
  autovacuum_vacuum_threshold = 500, autovacuum_analyze_scale_factor = 0.02,
  autovacuum_vacuum_cost_delay = 0`;

/** Each entry moves the schema from version i to i + 1; never edit one that shipped. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE ${OUTBOX_TABLE} (
     id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     bot_id          text NOT NULL,
     customer_id     text NOT NULL,
     uuid            text NOT NULL,
     state           text NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
     body            text,              -- upstream JSON, as sent; erased once delivered
     held            text,              -- submissions accepted while leased, merged
     revision        integer NOT NULL,
     attempts        integer NOT NULL,
     accepted_at     bigint NOT NULL,   -- epoch ms
     created_at      bigint NOT NULL,
     updated_at      bigint NOT NULL,
     next_attempt_at bigint NOT NULL,
     lease_owner     text,
     lease_until     bigint,
     last_error      text,
     upstream_status integer,
     upstream_answer text,
     UNIQUE (bot_id, customer_id, uuid)
   ) WITH (${QUEUE_STORAGE});
   -- Claims walk this: only pending rows, in due order; delivered rows never weigh on it.
   CREATE INDEX ${OUTBOX_TABLE}_due ON ${OUTBOX_TABLE} (next_attempt_at) WHERE state = 'pending';
   CREATE INDEX ${OUTBOX_TABLE}_listing ON ${OUTBOX_TABLE} (state, created_at);
   CREATE TABLE ${META_TABLE} (key text PRIMARY KEY, value text NOT NULL);
   -- Rate-limit buckets are throwaway: UNLOGGED skips the WAL (a crash empties them, harmless).
   CREATE UNLOGGED TABLE ${RATE_TABLE} (
     key    varchar(255) PRIMARY KEY,
     points integer NOT NULL DEFAULT 0,
     expire bigint
   ) WITH (${QUEUE_STORAGE});`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Creates or upgrades the tables; safe to run from many relays at the same moment. */
export async function migratePostgres(pool: Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    const exists = await client.query<{ meta: string | null }>(
      `SELECT to_regclass('${META_TABLE}') AS meta`,
    );
    const found = exists.rows[0]?.meta
      ? await client.query<{ value: string }>(
          `SELECT value FROM ${META_TABLE} WHERE key = 'schema_version'`,
        )
      : { rows: [] };
    const version = Number(found.rows[0]?.value ?? 0);
    if (version > SCHEMA_VERSION) {
      throw new Error(
        `the database holds outbox schema version ${version}, newer than this relay's ${SCHEMA_VERSION}: upgrade the relay`,
      );
    }
    for (const step of MIGRATIONS.slice(version)) await client.query(step);
    await client.query(
      `INSERT INTO ${META_TABLE} (key, value) VALUES ('schema_version', $1)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [String(SCHEMA_VERSION)],
    );
  });
}
