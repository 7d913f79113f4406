// PostgreSQL outbox rows ↔ OutboxRow. Epoch ms are bigint columns (pg hands them back as
// strings) and ids are bigints shown as decimal strings.
import type { UpsertLeadBody } from '../../shared/eleapi-api.ts';
import type { ClaimedRow, OutboxRow, OutboxState } from './outbox.ts';

export const ROW_COLUMNS = `id, bot_id, customer_id, uuid, state, body, revision, attempts,
  accepted_at, created_at, updated_at, next_attempt_at, last_error, upstream_status,
  upstream_answer, lease_owner, lease_until`;

export interface RawPgRow {
  id: string;
  bot_id: string;
  customer_id: string;
  uuid: string;
  state: OutboxState;
  body: string | null;
  revision: number;
  attempts: number;
  accepted_at: string;
  created_at: string;
  updated_at: string;
  next_attempt_at: string;
  last_error: string | null;
  upstream_status: number | null;
  upstream_answer: string | null;
  lease_owner: string | null;
  lease_until: string | null;
}

export const parseBody = (text: string | null): UpsertLeadBody | undefined =>
  text === null ? undefined : (JSON.parse(text) as UpsertLeadBody);

export function toRow(raw: RawPgRow): OutboxRow {
  return {
    id: raw.id,
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

export function toClaimed(raw: RawPgRow): ClaimedRow {
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

/** Ids an admin sent that can name a row here (bigint ids); others match nothing. */
export function rowIds(ids: readonly string[]): string[] {
  return ids.filter((id) => /^[1-9]\d{0,17}$/.test(id));
}
