// The PostgreSQL outbox's statements that need no merge: inserts, claims and outcomes. Every
// outcome is guarded by id, lease owner and revision, so a late answer changes nothing.
import { ROW_COLUMNS } from './postgres-rows.ts';
import { OUTBOX_TABLE as T } from './postgres-schema.ts';

export const INSERT_NEW = `INSERT INTO ${T} (bot_id, customer_id, uuid, state, body, revision, attempts,
    accepted_at, created_at, updated_at, next_attempt_at)
  VALUES ($1, $2, $3, 'pending', $4, 1, 0, $5, $5, $5, $5)
  ON CONFLICT (bot_id, customer_id, uuid) DO NOTHING RETURNING id`;

// Due, unleased, oldest due first; locked rows belong to another claimer this instant.
export const CLAIM = `UPDATE ${T} SET lease_owner = $1, lease_until = $2::bigint + $4::bigint
  WHERE id IN (SELECT id FROM ${T} WHERE state = 'pending' AND next_attempt_at <= $2
    AND (lease_until IS NULL OR lease_until < $2)
    ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
  RETURNING ${ROW_COLUMNS}`;

export const GUARD = `id = $1 AND lease_owner = $2 AND revision = $3 AND state = 'pending'`;
export const CLEAR_LEASE = 'lease_owner = NULL, lease_until = NULL';

// A held submission becomes the next body to send, due now; otherwise the row is settled.
export const MARK_DELIVERED = `UPDATE ${T} SET ${CLEAR_LEASE}, updated_at = $4,
    state = CASE WHEN held IS NULL THEN 'delivered' ELSE 'pending' END,
    body = held, held = NULL,
    revision = CASE WHEN held IS NULL THEN revision ELSE revision + 1 END,
    attempts = CASE WHEN held IS NULL THEN $5 ELSE 0 END,
    next_attempt_at = $4, last_error = NULL, upstream_status = $6, upstream_answer = $7
  WHERE ${GUARD}`;

export const MARK_DEAD = `UPDATE ${T} SET ${CLEAR_LEASE}, updated_at = $4,
    state = CASE WHEN held IS NULL THEN 'dead' ELSE 'pending' END,
    body = COALESCE(held, body), held = NULL,
    revision = CASE WHEN held IS NULL THEN revision ELSE revision + 1 END,
    attempts = CASE WHEN held IS NULL THEN $5 ELSE 0 END,
    next_attempt_at = $4, last_error = $6, upstream_status = $7, upstream_answer = $8
  WHERE ${GUARD}`;

// The common retry (nothing held) in one statement; a held one is merged in a transaction.
export const RETRY_PLAIN = `UPDATE ${T} SET ${CLEAR_LEASE}, updated_at = $4, attempts = $5,
    next_attempt_at = $6, last_error = $7, upstream_status = $8, upstream_answer = $9
  WHERE ${GUARD} AND held IS NULL`;
