// The outbox's writes as plain data, so the main thread can hand them to the writer thread,
// and the statements that apply them there (OUTBOX-RULES in ARCHITECTURE.md, "The relay's outbox").
import type { Database } from 'better-sqlite3';
import type { UpsertLeadBody } from '../../shared/eleapi-api.ts';
import { mergeLead } from './merge-lead.ts';
import type { RawRow } from './schema.ts';

export type OutcomeKind = 'delivered' | 'retry' | 'dead';

export type OutboxOp =
  | {
      kind: 'accept';
      id: string;
      botId: string;
      customerId: string;
      uuid: string;
      body: string;
      now: number;
    }
  | { kind: 'claim'; owner: string; now: number; limit: number; leaseMs: number }
  | {
      kind: 'outcome';
      outcome: OutcomeKind;
      id: string;
      revision: number;
      owner: string;
      attempts: number;
      now: number;
      next: number;
      error: string | null;
      status: number | null;
      answer: string | null;
    }
  | { kind: 'retry'; ids: string[] | null; now: number }
  | { kind: 'prune'; before: number }
  | { kind: 'touch'; now: number };

export type OpValue = string | number | null | RawRow[];
export type OpResult = { ok: true; value: OpValue } | { ok: false; error: string };

const parse = (json: string | null): UpsertLeadBody | undefined =>
  json === null ? undefined : (JSON.parse(json) as UpsertLeadBody);

/** `later` merged onto `earlier`, either of which may be absent. */
function merged(earlier: string | null, later: string | null): string | null {
  const a = parse(earlier);
  const b = parse(later);
  if (!a || !b) return later ?? earlier;
  return JSON.stringify(mergeLead(a, b));
}

const isLeased = (row: RawRow, now: number) => row.lease_until !== null && row.lease_until >= now;

export function createOpRunner(db: Database): (op: OutboxOp) => OpValue {
  const byKey = db.prepare(
    'SELECT * FROM outbox WHERE bot_id = @botId AND customer_id = @customerId AND uuid = @uuid',
  );
  const byId = db.prepare('SELECT * FROM outbox WHERE id = ?');
  const insert = db.prepare(`
    INSERT INTO outbox (id, bot_id, customer_id, uuid, state, body, revision, attempts,
                        created_at, accepted_at, updated_at, next_attempt_at)
    VALUES (@id, @botId, @customerId, @uuid, 'pending', @body, 1, 0, @now, @now, @now, @now)
    ON CONFLICT (bot_id, customer_id, uuid) DO NOTHING`);
  // A fresh start for the key: delivered (eleapi has the old) or dead (refused, logged).
  const restart = db.prepare(`
    UPDATE outbox SET state = 'pending', body = @body, held = NULL, revision = revision + 1,
      attempts = 0, accepted_at = @now, updated_at = @now, next_attempt_at = @now,
      lease_owner = NULL, lease_until = NULL, last_error = NULL, upstream_status = NULL,
      upstream_answer = NULL
    WHERE id = @id`);
  const mergeBody = db.prepare(`
    UPDATE outbox SET body = @body, held = NULL, revision = revision + 1, accepted_at = @now,
      updated_at = @now, next_attempt_at = @now, lease_owner = NULL, lease_until = NULL
    WHERE id = @id`);
  const hold = db.prepare(
    'UPDATE outbox SET held = @held, accepted_at = @now, updated_at = @now WHERE id = @id',
  );
  const claim = db.prepare(`
    UPDATE outbox SET lease_owner = @owner, lease_until = @until
    WHERE id IN (
      SELECT id FROM outbox
      WHERE state = 'pending' AND next_attempt_at <= @now
        AND (lease_until IS NULL OR lease_until < @now)
      ORDER BY next_attempt_at LIMIT @limit)
    RETURNING *`);
  // What was held becomes the next body, due now: it has never been sent.
  const promote = db.prepare(`
    UPDATE outbox SET body = held, held = NULL, revision = revision + 1, attempts = 0,
      updated_at = @now, next_attempt_at = @now, lease_owner = NULL, lease_until = NULL,
      last_error = @error, upstream_status = @status, upstream_answer = @answer
    WHERE id = @id`);
  const settle = db.prepare(`
    UPDATE outbox SET state = @state, body = @body, held = NULL, revision = @revision,
      attempts = @attempts, updated_at = @now, next_attempt_at = @next, lease_owner = NULL,
      lease_until = NULL, last_error = @error, upstream_status = @status, upstream_answer = @answer
    WHERE id = @id`);
  const retryAll = db.prepare(`
    UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = @now, updated_at = @now
    WHERE state IN ('pending', 'dead') AND (lease_until IS NULL OR lease_until < @now)`);
  const retryOne = db.prepare(`
    UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = @now, updated_at = @now
    WHERE id = @id AND state IN ('pending', 'dead') AND (lease_until IS NULL OR lease_until < @now)`);
  const prune = db.prepare(`DELETE FROM outbox WHERE state = 'delivered' AND updated_at < ?`);
  const touch = db.prepare(
    `INSERT INTO meta (key, value) VALUES ('ready_check', ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );

  function accept(op: Extract<OutboxOp, { kind: 'accept' }>): string {
    // Most submissions are a new lead: one statement, no read first.
    const { kind: _, ...params } = op;
    if (insert.run(params).changes === 1) return op.id;
    const row = byKey.get(params) as RawRow;
    if (row.state !== 'pending') restart.run({ id: row.id, body: op.body, now: op.now });
    else if (isLeased(row, op.now)) {
      // In flight: not resent; kept to be sent after the outcome.
      hold.run({ id: row.id, held: merged(row.held, op.body), now: op.now });
    } else {
      // A lease that expired may have left held submissions: they go out with this one.
      const body = merged(merged(row.body, row.held), op.body);
      mergeBody.run({ id: row.id, body, now: op.now });
    }
    return row.id;
  }

  function outcome(op: Extract<OutboxOp, { kind: 'outcome' }>): number {
    const row = byId.get(op.id) as RawRow | undefined;
    const current =
      row?.state === 'pending' && row.lease_owner === op.owner && row.revision === op.revision;
    if (!row || !current) return 0;
    const recorded = { id: row.id, now: op.now, error: op.error, status: op.status };
    if (row.held !== null && op.outcome !== 'retry') {
      promote.run({ ...recorded, answer: op.answer });
      return 1;
    }
    const delivered = op.outcome === 'delivered';
    settle.run({
      ...recorded,
      state: op.outcome === 'retry' ? 'pending' : op.outcome,
      // No personal data is kept once eleapi has the lead.
      body: delivered ? null : merged(row.body, row.held),
      revision: row.held === null ? row.revision : row.revision + 1,
      attempts: op.attempts,
      next: op.next,
      answer: op.answer,
    });
    return 1;
  }

  return (op) => {
    switch (op.kind) {
      case 'accept':
        return accept(op);
      case 'claim': {
        const { owner, now, limit } = op;
        const rows = claim.all({ owner, now, limit, until: now + op.leaseMs }) as RawRow[];
        return rows.sort((a, b) => a.next_attempt_at - b.next_attempt_at);
      }
      case 'outcome':
        return outcome(op);
      case 'retry':
        return op.ids === null
          ? retryAll.run({ now: op.now }).changes
          : [...new Set(op.ids)].reduce(
              (n, id) => n + retryOne.run({ now: op.now, id }).changes,
              0,
            );
      case 'prune':
        return prune.run(op.before).changes;
      case 'touch':
        touch.run(String(op.now));
        return null;
    }
  };
}

/**
 * Applies a batch in one transaction. A failing statement is rolled back alone (SQLite's
 * statement journal) and reported; the rest commit. Throws if the commit itself fails.
 */
export function applyBatch(
  db: Database,
  apply: (op: OutboxOp) => OpValue,
  ops: readonly OutboxOp[],
): OpResult[] {
  const results: OpResult[] = [];
  db.transaction(() => {
    for (const op of ops) {
      try {
        results.push({ ok: true, value: apply(op) });
      } catch (error) {
        results.push({ ok: false, error: (error as Error).message });
      }
    }
  })();
  return results;
}
