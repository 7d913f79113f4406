// An outbox row as either store hands it back, and its mapping to OutboxRow: one copy for
// SQLite (epoch ms as numbers) and PostgreSQL (bigint columns arrive as strings).
import type { UpsertLeadBody } from '../../shared/eleapi-api.ts';
import type { ClaimedRow, OutboxRow, OutboxState } from './outbox.ts';

type EpochMs = number | string;

export interface StoredRow {
  id: string;
  bot_id: string;
  customer_id: string;
  uuid: string;
  state: OutboxState;
  body: string | null;
  revision: number;
  attempts: number;
  accepted_at: EpochMs;
  created_at: EpochMs;
  updated_at: EpochMs;
  next_attempt_at: EpochMs;
  last_error: string | null;
  upstream_status: number | null;
  upstream_answer: string | null;
  lease_owner: string | null;
  lease_until: EpochMs | null;
}

export const parseBody = (text: string | null): UpsertLeadBody | undefined =>
  text === null ? undefined : (JSON.parse(text) as UpsertLeadBody);

export function toRow(raw: StoredRow): OutboxRow {
  return {
    id: String(raw.id),
    botId: raw.bot_id,
    customerId: raw.customer_id,
    uuid: raw.uuid,
    state: raw.state,
    body: parseBody(raw.body),
    revision: raw.revision,
    attempts: raw.attempts,
    acceptedAt: Number(raw.accepted_at),
    createdAt: Number(raw.created_at),
    updatedAt: Number(raw.updated_at),
    nextAttemptAt: Number(raw.next_attempt_at),
    lastError: raw.last_error ?? undefined,
    upstreamStatus: raw.upstream_status ?? undefined,
    upstreamAnswer: raw.upstream_answer ?? undefined,
  };
}

/** A row a claim returned: it has a body and a lease, or the store broke its contract. */
export function toClaimed(raw: StoredRow): ClaimedRow {
  const row = toRow(raw);
  if (!row.body || raw.lease_owner === null || raw.lease_until === null) {
    throw new Error(`outbox row ${raw.id} was claimed without a body or lease`);
  }
  return {
    ...row,
    body: row.body,
    leaseOwner: raw.lease_owner,
    leaseUntil: Number(raw.lease_until),
  };
}
