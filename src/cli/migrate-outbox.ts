// `eleapi-relay migrate-outbox --to URL`: copies the pending and dead rows of the SQLite outbox
// in RELAY_DATA_DIR into the PostgreSQL outbox, so a site moves without draining first.
// Idempotent: a key already in PostgreSQL is left as it is, so a second run copies nothing.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { mergeLead } from '../relay/outbox/merge-lead.ts';
import { createPostgresPool, inTransaction, redactUrl } from '../relay/outbox/postgres-pool.ts';
import { migratePostgres, OUTBOX_TABLE } from '../relay/outbox/postgres-schema.ts';
import type { UpsertLeadBody } from '../shared/eleapi-api.ts';

export const MIGRATE_USAGE = `Usage: eleapi-relay migrate-outbox --to postgres://user:password@host:5432/db [--from DIR]
  Copies pending and dead leads from the SQLite outbox in DIR (default RELAY_DATA_DIR or ./data)
  into the PostgreSQL outbox. Stop the SQLite relay first. Safe to run again: leads already in
  PostgreSQL are left alone.`;

export interface MigrateIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

interface SqliteRow {
  state: 'pending' | 'dead';
  body: string;
  held?: string | null;
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

const SQLITE_FILE = 'outbox.sqlite';

// Submissions held behind a lease go along merged: no lease survives the move.
function bodyToSend(row: SqliteRow): UpsertLeadBody {
  const body = JSON.parse(row.body) as UpsertLeadBody;
  return row.held ? mergeLead(body, JSON.parse(row.held) as UpsertLeadBody) : body;
}

function readSqlite(file: string): SqliteRow[] {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const columns = new Set(
      (db.prepare('PRAGMA table_info(outbox)').all() as { name: string }[]).map((c) => c.name),
    );
    const held = columns.has('held') ? 'held' : 'NULL AS held';
    return db
      .prepare(
        `SELECT state, body, ${held}, revision, attempts, created_at, accepted_at, updated_at,
           next_attempt_at, last_error, upstream_status, upstream_answer
         FROM outbox WHERE state IN ('pending', 'dead') AND body IS NOT NULL ORDER BY created_at`,
      )
      .all() as SqliteRow[];
  } finally {
    db.close();
  }
}

export async function runMigrateOutbox(
  args: string[],
  env: NodeJS.ProcessEnv,
  io: MigrateIo,
): Promise<number> {
  const say = (line: string) => io.stderr.write(`${line}\n`);
  let flags: { to?: string | undefined; from?: string | undefined; help?: boolean | undefined };
  try {
    flags = parseArgs({
      args,
      options: { to: { type: 'string' }, from: { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
    }).values;
  } catch (error) {
    say(`migrate-outbox: ${(error as Error).message}\n${MIGRATE_USAGE}`);
    return 2;
  }
  if (flags.help) {
    io.stdout.write(`${MIGRATE_USAGE}\n`);
    return 0;
  }
  const to = flags.to?.trim();
  if (!to || !URL.canParse(to) || !/^postgres(ql)?:$/.test(new URL(to).protocol)) {
    say(`migrate-outbox: --to must be a postgres:// or postgresql:// URL\n${MIGRATE_USAGE}`);
    return 2;
  }
  const file = join(flags.from ?? (env.RELAY_DATA_DIR?.trim() || './data'), SQLITE_FILE);
  if (!existsSync(file)) {
    say(`migrate-outbox: no SQLite outbox at ${file} (set RELAY_DATA_DIR or --from)`);
    return 2;
  }
  const rows = readSqlite(file);
  const pool = createPostgresPool({ url: to, max: 1 });
  try {
    await migratePostgres(pool);
    const copied = { pending: 0, dead: 0 };
    await inTransaction(pool, async (client) => {
      for (const row of rows) {
        const body = bodyToSend(row);
        const inserted = await client.query(
          `INSERT INTO ${OUTBOX_TABLE} (bot_id, customer_id, uuid, state, body, revision,
             attempts, accepted_at, created_at, updated_at, next_attempt_at, last_error,
             upstream_status, upstream_answer)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
           ON CONFLICT (bot_id, customer_id, uuid) DO NOTHING`,
          [
            body.botId,
            body.customerId,
            body.uuid,
            row.state,
            JSON.stringify(body),
            row.revision,
            row.attempts,
            row.accepted_at,
            row.created_at,
            row.updated_at,
            row.next_attempt_at,
            row.last_error,
            row.upstream_status,
            row.upstream_answer,
          ],
        );
        if (inserted.rowCount) copied[row.state]++;
      }
    });
    const skipped = rows.length - copied.pending - copied.dead;
    io.stdout.write(
      `migrate-outbox: copied ${copied.pending} pending and ${copied.dead} dead leads from ${file} to ${redactUrl(to)}; ${skipped} already there\n`,
    );
    return 0;
  } catch (error) {
    say(`migrate-outbox: ${redactUrl(to)}: ${(error as Error).message}`);
    return 1;
  } finally {
    await pool.end();
  }
}
