// The PostgreSQL outbox's row columns and ids (bigints, shown as decimal strings); the rows
// map to OutboxRow in stored-row.ts, as SQLite's do.

export const ROW_COLUMNS = `id, bot_id, customer_id, uuid, state, body, revision, attempts,
  accepted_at, created_at, updated_at, next_attempt_at, last_error, upstream_status,
  upstream_answer, lease_owner, lease_until`;

/** Ids an admin sent that can name a row here (bigint ids); others match nothing. */
export function rowIds(ids: readonly string[]): string[] {
  return ids.filter((id) => /^[1-9]\d{0,17}$/.test(id));
}
