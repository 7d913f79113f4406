// The outbox's writes as plain data, so the main thread can hand them to the writer thread,
// and the statements that apply them there.
import type { Database } from 'better-sqlite3';
import type { OutboxState } from './schema.ts';

export type OutboxOp =
  | { kind: 'accept'; id: string; uuid: string; body: string; now: number }
  | {
      kind: 'mark';
      state: OutboxState;
      id: string;
      revision: number;
      attempts: number;
      now: number;
      next: number;
      error: string | null;
      status: number | null;
      answer: string | null;
    }
  | { kind: 'revive'; ids: string[] | null; now: number }
  | { kind: 'prune'; before: number }
  | { kind: 'touch'; now: number };

export type OpValue = string | number | null;
export type OpResult = { ok: true; value: OpValue } | { ok: false; error: string };

export function createOpRunner(db: Database): (op: OutboxOp) => OpValue {
  const accept = db.prepare(`
    INSERT INTO outbox (id, uuid, state, body, revision, attempts, created_at, accepted_at,
                        updated_at, next_attempt_at)
    VALUES (@id, @uuid, 'pending', @body, 1, 0, @now, @now, @now, @now)
    ON CONFLICT (uuid) DO UPDATE SET
      state = 'pending', body = excluded.body, revision = revision + 1, attempts = 0,
      accepted_at = excluded.accepted_at, updated_at = excluded.updated_at,
      next_attempt_at = excluded.next_attempt_at,
      last_error = NULL, upstream_status = NULL, upstream_answer = NULL
    RETURNING id`);
  // A mark only applies to the revision that was sent: a newer body stays pending.
  const mark = db.prepare(`
    UPDATE outbox SET state = @state, attempts = @attempts, updated_at = @now,
      next_attempt_at = @next, last_error = @error, upstream_status = @status,
      upstream_answer = @answer, body = CASE WHEN @state = 'delivered' THEN NULL ELSE body END
    WHERE id = @id AND revision = @revision AND state = 'pending'`);
  const reviveAll = db.prepare(
    `UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = @now, updated_at = @now
     WHERE state = 'dead'`,
  );
  const reviveOne = db.prepare(
    `UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = @now, updated_at = @now
     WHERE state = 'dead' AND id = @id`,
  );
  const prune = db.prepare(`DELETE FROM outbox WHERE state = 'delivered' AND updated_at < ?`);
  const touch = db.prepare(
    `INSERT INTO meta (key, value) VALUES ('ready_check', ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );

  return (op) => {
    switch (op.kind) {
      case 'accept':
        return (accept.get(op) as { id: string }).id;
      case 'mark': {
        const { kind: _, ...params } = op;
        return mark.run(params).changes;
      }
      case 'revive':
        return op.ids === null
          ? reviveAll.run({ now: op.now }).changes
          : op.ids.reduce((n, id) => n + reviveOne.run({ now: op.now, id }).changes, 0);
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
