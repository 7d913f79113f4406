// The delivery loop: sends due outbox rows to eleapi with bounded concurrency, records each
// outcome, and schedules retries with full-jitter backoff.
import { type BackoffPolicy, retryDelay } from './backoff.ts';
import type { EleapiClient, UpsertOutcome } from './eleapi-client.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';
import type { Outbox, OutboxRow } from './outbox/index.ts';

export interface SenderOptions {
  outbox: Outbox;
  client: EleapiClient;
  metrics: Metrics;
  logger: Logger;
  now: () => number;
  random: () => number;
  concurrency: number;
  maxAttempts: number;
  maxAgeMs: number;
  backoff: BackoffPolicy;
}

export interface Sender {
  /** Looks for due rows soon (after a commit, a retry request, or at start-up). */
  wake(): void;
  /** Stops starting deliveries and waits up to `graceMs` for those in flight. */
  stop(graceMs: number): Promise<void>;
  inFlight(): number;
}

// Timers beyond ~24.8 days overflow; re-check at least every minute anyway.
const MAX_SLEEP_MS = 60_000;

export function createSender(options: SenderOptions): Sender {
  const { outbox, client, metrics, logger, now } = options;
  // Rows from pick-up until their outcome is recorded: never picked again meanwhile.
  const inFlight = new Map<string, Promise<void>>();
  // Rows waiting on eleapi: these count against the concurrency. A slot frees as soon as eleapi
  // answers; recording the outcome (a commit) does not hold it.
  const sending = new Set<string>();
  let stopped = false;
  let pumpQueued = false;
  let timer: NodeJS.Timeout | undefined;

  function wake(): void {
    if (stopped || pumpQueued) return;
    pumpQueued = true;
    setImmediate(pump);
  }

  function pump(): void {
    pumpQueued = false;
    if (stopped) return;
    const free = options.concurrency - sending.size;
    if (free <= 0) return;
    const skip = new Set(inFlight.keys());
    let rows: OutboxRow[];
    try {
      rows = outbox.due(now(), free, skip);
    } catch (error) {
      logger.error({ err: error }, 'outbox read failed; retrying shortly');
      sleep(1000);
      return;
    }
    for (const row of rows) {
      sending.add(row.id);
      inFlight.set(
        row.id,
        deliver(row).finally(() => settle(row.id)),
      );
    }
    if (rows.length < free) sleepUntilNextDue();
  }

  function answered(id: string): void {
    sending.delete(id);
    wake();
  }

  function settle(id: string): void {
    sending.delete(id);
    inFlight.delete(id);
    wake();
  }

  function sleepUntilNextDue(): void {
    // Rows in flight are due already; counting them would wake this loop again at once.
    const next = outbox.nextDueAt(new Set(inFlight.keys()));
    if (next !== undefined) sleep(next - now());
  }

  function sleep(ms: number): void {
    clearTimeout(timer);
    timer = setTimeout(wake, Math.min(Math.max(ms, 0), MAX_SLEEP_MS));
    timer.unref();
  }

  async function deliver(row: OutboxRow): Promise<void> {
    const attempts = row.attempts + 1;
    const base = { id: row.id, revision: row.revision, attempts };
    if (!row.body) return;
    const started = performance.now();
    const outcome = await client.upsertLead(row.body);
    metrics.upstreamLatency((performance.now() - started) / 1000);
    answered(row.id);
    const at = now();
    try {
      if (outcome.ok) {
        await outbox.markDelivered({ ...base, now: at, upstreamStatus: outcome.status });
        metrics.delivered();
        logger.info({ id: row.id, uuid: row.uuid, attempts, status: outcome.status }, 'delivered');
        return;
      }
      metrics.failed(outcome.retryable);
      await recordFailure(row, outcome, attempts, at);
    } catch (error) {
      // The mark could not be written: the row stays pending and is sent again (an upsert).
      logger.error({ err: error, id: row.id }, 'could not record delivery outcome');
    }
  }

  async function recordFailure(
    row: OutboxRow,
    outcome: Extract<UpsertOutcome, { ok: false }>,
    attempts: number,
    at: number,
  ): Promise<void> {
    const record = {
      id: row.id,
      revision: row.revision,
      attempts,
      now: at,
      error: outcome.error,
      upstreamStatus: outcome.status,
      upstreamAnswer: outcome.answer,
    };
    const log = {
      id: row.id,
      uuid: row.uuid,
      attempts,
      status: outcome.status,
      error: outcome.error,
    };
    const tooOld = at - row.acceptedAt >= options.maxAgeMs;
    if (!outcome.retryable || attempts >= options.maxAttempts || tooOld) {
      await outbox.markDead(record);
      metrics.deadLettered();
      const why = outcome.retryable ? (tooOld ? 'too old' : 'out of attempts') : 'rejected';
      logger.warn({ ...log, why }, 'dead letter');
      return;
    }
    const delay = retryDelay(options.backoff, attempts, options.random, outcome.retryAfterMs);
    await outbox.markRetry({ ...record, nextAttemptAt: at + delay });
    logger.info({ ...log, retryInMs: delay }, 'delivery failed, will retry');
  }

  async function stop(graceMs: number): Promise<void> {
    stopped = true;
    clearTimeout(timer);
    let expired: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      expired = setTimeout(resolve, graceMs);
    });
    await Promise.race([Promise.allSettled([...inFlight.values()]), deadline]);
    clearTimeout(expired);
  }

  return { wake, stop, inFlight: () => sending.size };
}
