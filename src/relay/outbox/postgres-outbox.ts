// The shared outbox (PostgreSQL, pg): several relays accept into and deliver from one queue.
// Rows are leased to one sender at a time (FOR UPDATE SKIP LOCKED); every outcome presents its
// lease and revision, so a sender that stalled past its lease cannot overwrite a newer state.
import type { Pool } from 'pg';
import type { UpsertLeadBody } from '../../shared/eleapi-api.ts';
import { mergeLead } from './merge-lead.ts';
import type { AttemptRecord, Outbox, OutboxState } from './outbox.ts';
import { OUTBOX_STATES } from './outbox.ts';
import { acceptUpdate, LOCK_KEY, type LockedRow } from './postgres-accept.ts';
import { inTransaction } from './postgres-pool.ts';
import {
  parseBody,
  type RawPgRow,
  ROW_COLUMNS,
  rowIds,
  toClaimed,
  toRow,
} from './postgres-rows.ts';
import { META_TABLE, migratePostgres, OUTBOX_TABLE as T } from './postgres-schema.ts';
import {
  CLAIM,
  CLEAR_LEASE,
  GUARD,
  INSERT_NEW,
  MARK_DEAD,
  MARK_DELIVERED,
  RETRY_PLAIN,
} from './postgres-statements.ts';

// How often an accept retries when its row was pruned between the insert and the lock.
const ACCEPT_TRIES = 5;

export interface PostgresOutboxOptions {
  pool: Pool;
  /** Closes the pool with the outbox (false when the caller shares it past the outbox). */
  ownsPool?: boolean;
}

/** Opens the outbox on `pool`, creating or migrating its tables first. */
export async function openPostgresOutbox(options: PostgresOutboxOptions): Promise<Outbox> {
  const { pool } = options;
  await migratePostgres(pool);

  async function acceptOnce(body: UpsertLeadBody, now: number): Promise<boolean> {
    const key = [body.botId, body.customerId, body.uuid];
    // A new key (the common case) is one autocommit statement.
    const inserted = await pool.query(INSERT_NEW, [...key, JSON.stringify(body), now]);
    if (inserted.rowCount) return true;
    return inTransaction(pool, async (client) => {
      const found = await client.query<LockedRow>(LOCK_KEY, key);
      const row = found.rows[0];
      if (!row) return false; // pruned since the insert saw it: insert again
      const [sql, params] = acceptUpdate(row, body, now);
      await client.query(sql, params);
      return true;
    });
  }

  async function retryWithHeld(record: AttemptRecord & { nextAttemptAt: number }) {
    if (rowIds([record.id]).length === 0) return false;
    return inTransaction(pool, async (client) => {
      const found = await client.query<{ body: string; held: string }>(
        `SELECT body, held FROM ${T} WHERE ${GUARD} AND held IS NOT NULL FOR UPDATE`,
        [record.id, record.leaseOwner, record.revision],
      );
      const row = found.rows[0];
      if (!row) return false;
      const merged = mergeLead(
        parseBody(row.body) as UpsertLeadBody,
        parseBody(row.held) as UpsertLeadBody,
      );
      const updated = await client.query(
        `UPDATE ${T} SET ${CLEAR_LEASE}, updated_at = $2, body = $3, held = NULL,
           revision = revision + 1, attempts = $4, next_attempt_at = $5, last_error = $6,
           upstream_status = $7, upstream_answer = $8
         WHERE id = $1`,
        [
          record.id,
          record.now,
          JSON.stringify(merged),
          record.attempts,
          record.nextAttemptAt,
          ...outcomeFields(record),
        ],
      );
      return updated.rowCount === 1;
    });
  }

  const guard = (r: AttemptRecord) => [r.id, r.leaseOwner, r.revision, r.now, r.attempts];
  const outcomeFields = (r: AttemptRecord) => [
    r.error ?? null,
    r.upstreamStatus ?? null,
    r.upstreamAnswer ?? null,
  ];
  // An id that is not one of ours (not a bigint) matches no row, as in the SQLite store.
  const changed = async (sql: string, params: unknown[]) =>
    rowIds([String(params[0])]).length === 1 && (await pool.query(sql, params)).rowCount === 1;

  return {
    async accept(body, now) {
      for (let tries = 0; tries < ACCEPT_TRIES; tries++) {
        if (await acceptOnce(body, now)) return;
      }
      throw new Error(`outbox row for uuid ${body.uuid} kept vanishing while being accepted`);
    },
    async claim(owner, now, limit, leaseMs) {
      const claimed = await pool.query<RawPgRow>(CLAIM, [owner, now, limit, leaseMs]);
      return claimed.rows.map(toClaimed).sort((a, b) => a.nextAttemptAt - b.nextAttemptAt);
    },
    async nextDueAt(now) {
      // Leased rows were due when claimed, so both halves walk the due index.
      const found = await pool.query<{ at: string | null }>(
        `SELECT least(
           (SELECT next_attempt_at FROM ${T} WHERE state = 'pending'
              AND (lease_until IS NULL OR lease_until < $1) ORDER BY next_attempt_at LIMIT 1),
           (SELECT min(lease_until) FROM ${T} WHERE state = 'pending'
              AND next_attempt_at <= $1 AND lease_until >= $1)) AS at`,
        [now],
      );
      const at = found.rows[0]?.at;
      return at === null || at === undefined ? undefined : Number(at);
    },
    markDelivered: (r) =>
      changed(MARK_DELIVERED, [...guard(r), r.upstreamStatus ?? null, r.upstreamAnswer ?? null]),
    markDead: (r) => changed(MARK_DEAD, [...guard(r), ...outcomeFields(r)]),
    async markRetry(r) {
      if (await changed(RETRY_PLAIN, [...guard(r), r.nextAttemptAt, ...outcomeFields(r)])) {
        return true;
      }
      return retryWithHeld(r);
    },
    async retry(ids, now) {
      const which = ids === undefined ? '' : 'AND id = ANY($2::bigint[])';
      const params = ids === undefined ? [now] : [now, rowIds(ids)];
      const revived = await pool.query(
        `UPDATE ${T} SET state = 'pending', attempts = 0, next_attempt_at = $1, updated_at = $1
         WHERE state IN ('pending', 'dead') AND (lease_until IS NULL OR lease_until < $1) ${which}`,
        params,
      );
      return revived.rowCount ?? 0;
    },
    async list(state, limit) {
      const states = state === undefined ? ['pending', 'dead'] : [state];
      // One ordered index walk per state, merged: the listing index serves every filter.
      const parts = states.map(
        (_, i) =>
          `(SELECT ${ROW_COLUMNS} FROM ${T} WHERE state = $${i + 2} ORDER BY created_at, id LIMIT $1)`,
      );
      const listed = await pool.query<RawPgRow>(
        `SELECT * FROM (${parts.join(' UNION ALL ')}) AS rows ORDER BY created_at, id LIMIT $1`,
        [limit, ...states],
      );
      return listed.rows.map(toRow);
    },
    async counts() {
      const counts = Object.fromEntries(OUTBOX_STATES.map((s) => [s, 0])) as Record<
        OutboxState,
        number
      >;
      const found = await pool.query<{ state: OutboxState; n: string }>(
        `SELECT state, count(*) AS n FROM ${T} GROUP BY state`,
      );
      for (const { state, n } of found.rows) counts[state] = Number(n);
      return counts;
    },
    async pruneDelivered(before) {
      const pruned = await pool.query(
        `DELETE FROM ${T} WHERE state = 'delivered' AND updated_at < $1`,
        [before],
      );
      return pruned.rowCount ?? 0;
    },
    async checkWritable(now) {
      await pool.query(
        `INSERT INTO ${META_TABLE} (key, value) VALUES ('ready_check', $1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [String(now)],
      );
    },
    async close() {
      if (options.ownsPool !== false) await pool.end();
    },
  };
}
