// accept() on an existing row (OUTBOX-RULES.md): the row is locked (SELECT … FOR UPDATE) by
// the caller's transaction, and the merge runs here, in mergeLead, the one copy of the rule.
import type { UpsertLeadBody } from '../../shared/eleapi-api.ts';
import { mergeLead } from './merge-lead.ts';
import type { OutboxState } from './outbox.ts';
import { parseBody } from './postgres-rows.ts';
import { OUTBOX_TABLE as T } from './postgres-schema.ts';
import { CLEAR_LEASE } from './postgres-statements.ts';

export interface LockedRow {
  id: string;
  state: OutboxState;
  body: string | null;
  held: string | null;
  lease_until: string | null;
}

/** The update accept makes to an existing row (OUTBOX-RULES.md), as SQL and parameters. */
export function acceptUpdate(
  row: LockedRow,
  body: UpsertLeadBody,
  now: number,
): [string, unknown[]] {
  const leased =
    row.state === 'pending' && row.lease_until !== null && Number(row.lease_until) >= now;
  if (leased) {
    const held = row.held === null ? body : mergeLead(parseBody(row.held) as UpsertLeadBody, body);
    return [
      `UPDATE ${T} SET held = $2, accepted_at = $3, updated_at = $3 WHERE id = $1`,
      [row.id, JSON.stringify(held), now],
    ];
  }
  const pendingBody = row.state === 'pending' ? parseBody(row.body) : undefined;
  const next = pendingBody ? mergeLead(pendingBody, body) : body;
  // Delivered and dead rows start over with the new body; a pending one keeps its attempts.
  const attempts = row.state === 'pending' ? 'attempts' : '0';
  const clearError = row.state === 'dead' ? ', last_error = NULL' : '';
  return [
    `UPDATE ${T} SET state = 'pending', body = $2, revision = revision + 1, attempts = ${attempts},
       accepted_at = $3, updated_at = $3, next_attempt_at = $3, ${CLEAR_LEASE}${clearError}
     WHERE id = $1`,
    [row.id, JSON.stringify(next), now],
  ];
}

/** Locks the row of a key; the columns acceptUpdate needs. */
export const LOCK_KEY = `SELECT id, state, body, held, lease_until FROM ${T}
  WHERE bot_id = $1 AND customer_id = $2 AND uuid = $3 FOR UPDATE`;
