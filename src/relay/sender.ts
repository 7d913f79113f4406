// The delivery loop: leases due outbox rows, sends them to eleapi with bounded concurrency,
// records each outcome against its lease, and schedules retries with full-jitter backoff.
import { type BackoffPolicy, retryDelay } from './backoff.ts';
import type { EleapiClient, UpsertOutcome } from './eleapi-client.ts';
import { type Logger, maskEmail, maskPhone } from './logger.ts';
import type { Metrics } from './metrics.ts';
import type { AttemptRecord, ClaimedRow, Outbox } from './outbox/index.ts';
import { createStoreProbe } from './store-probe.ts';

export interface SenderOptions {
  outbox: Outbox;
  client: EleapiClient;
  metrics: Metrics;
  logger: Logger;
  now: () => number;
  random: () => number;
  concurrency: number;
  /** Undefined: retryable failures are retried until `maxAgeMs`, however many attempts. */
  maxAttempts: number | undefined;
  maxAgeMs: number;
  backoff: BackoffPolicy;
  /** The lease owner of this sender's claims (RELAY_INSTANCE_ID). */
  owner: string;
  leaseMs: number;
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

type Failure = Extract<UpsertOutcome, { ok: false }>;

export function createSender(options: SenderOptions): Sender {
  const { outbox, client, metrics, now, owner } = options;
  // Delivery lines name the lease owner, so several relays on one outbox can be told apart.
  const logger = options.logger.child({ instance: owner });
  // Rows from claim until their outcome is recorded.
  const inFlight = new Map<string, Promise<void>>();
  // Rows waiting on eleapi: these count against the concurrency. A slot frees as soon as eleapi
  // answers; recording the outcome (a commit) does not hold it.
  const sending = new Set<string>();
  let stopped = false;
  let pumpQueued = false;
  let claiming = false;
  let wokenWhileClaiming = false;
  let timer: NodeJS.Timeout | undefined;
  // While the outbox cannot record outcomes, nothing is claimed (so nothing is sent); a probe
  // on a backoff finds out when it can again.
  const probe = createStoreProbe({
    check: () => outbox.checkWritable(now()),
    backoff: options.backoff,
    logger,
    onWritable: () => wake(),
  });

  function wake(): void {
    if (stopped) return;
    if (claiming) wokenWhileClaiming = true;
    else if (!pumpQueued) {
      pumpQueued = true;
      setImmediate(() => void pump());
    }
  }

  async function pump(): Promise<void> {
    pumpQueued = false;
    const free = options.concurrency - sending.size;
    if (stopped || probe.failing() || free <= 0) return;
    claiming = true;
    wokenWhileClaiming = false;
    let rows: ClaimedRow[];
    try {
      rows = await outbox.claim(owner, now(), free, options.leaseMs);
    } catch (error) {
      claiming = false;
      probe.failed(error, 'claiming due leads');
      return;
    }
    claiming = false;
    // Stopped meanwhile: not sent now; the leases expire and the next relay sends them.
    if (stopped) return;
    for (const row of rows) {
      sending.add(row.id);
      inFlight.set(
        row.id,
        deliver(row).finally(() => settle(row.id)),
      );
    }
    if (wokenWhileClaiming) wake();
    else if (rows.length < free) await sleepUntilNextDue();
  }

  function answered(id: string): void {
    if (sending.delete(id)) wake();
  }

  function settle(id: string): void {
    answered(id);
    inFlight.delete(id);
  }

  async function sleepUntilNextDue(): Promise<void> {
    try {
      const next = await outbox.nextDueAt(now());
      if (next !== undefined) sleep(next - now());
    } catch (error) {
      probe.failed(error, 'reading the next due time');
    }
  }

  function sleep(ms: number): void {
    clearTimeout(timer);
    timer = setTimeout(wake, Math.min(Math.max(ms, 0), MAX_SLEEP_MS));
    timer.unref();
  }

  async function deliver(row: ClaimedRow): Promise<void> {
    const base = { id: row.id, revision: row.revision, leaseOwner: row.leaseOwner };
    const log = { id: row.id, uuid: row.uuid, botId: row.botId };
    try {
      // Age is checked before sending: a lead past RELAY_MAX_AGE_HOURS is not sent late.
      if (now() - row.acceptedAt >= options.maxAgeMs) {
        answered(row.id);
        const error = `not sent: older than RELAY_MAX_AGE_HOURS (last error: ${row.lastError ?? 'none'})`;
        const record = { ...base, attempts: row.attempts, now: now(), error };
        await dead(row, record, { ...log, why: 'too old', attempts: row.attempts });
        return;
      }
      const attempts = row.attempts + 1;
      const started = performance.now();
      const outcome = await client.upsertLead(row.body);
      metrics.upstreamLatency((performance.now() - started) / 1000);
      answered(row.id);
      const at = now();
      if (outcome.ok) {
        const done = await outbox.markDelivered({
          ...base,
          attempts,
          now: at,
          upstreamStatus: outcome.status,
        });
        if (!done) return fenced(row);
        metrics.delivered();
        logger.info({ ...log, attempts, status: outcome.status }, 'delivered');
        return;
      }
      metrics.failed(outcome.retryable);
      await recordFailure(row, outcome, { ...base, attempts, now: at });
    } catch (error) {
      // Not recorded: the row stays leased to this sender until its lease expires, then is sent
      // again (an upsert). Claiming stops until the outbox takes writes again.
      probe.failed(error, `recording the outcome of ${row.id}`);
    }
  }

  async function recordFailure(row: ClaimedRow, outcome: Failure, base: AttemptRecord) {
    const record = {
      ...base,
      error: outcome.error,
      upstreamStatus: outcome.status,
      upstreamAnswer: outcome.answer,
    };
    const log = {
      id: row.id,
      uuid: row.uuid,
      botId: row.botId,
      attempts: base.attempts,
      status: outcome.status,
      error: outcome.error,
    };
    const tooOld = base.now - row.acceptedAt >= options.maxAgeMs;
    const outOfAttempts = options.maxAttempts !== undefined && base.attempts >= options.maxAttempts;
    if (!outcome.retryable || outOfAttempts || tooOld) {
      const why = outcome.retryable ? (tooOld ? 'too old' : 'out of attempts') : 'rejected';
      await dead(row, record, { ...log, why });
      return;
    }
    const delay = retryDelay(options.backoff, base.attempts, options.random, outcome.retryAfterMs);
    if (!(await outbox.markRetry({ ...record, nextAttemptAt: base.now + delay }))) {
      return fenced(row);
    }
    logger.info({ ...log, retryInMs: delay }, 'delivery failed, will retry');
  }

  // A submission held meanwhile replaces the refused body in the row, so the log line says
  // what was refused (masked: logs never hold contact details).
  async function dead(row: ClaimedRow, record: AttemptRecord, log: Record<string, unknown>) {
    if (!(await outbox.markDead(record))) return fenced(row);
    metrics.deadLettered();
    const refused = {
      revision: row.revision,
      fields: Object.keys(row.body),
      email: maskEmail(row.body.email),
      phone: maskPhone(row.body.phone),
      notes: row.body.notes?.length ?? 0,
    };
    logger.warn({ ...log, refused }, 'dead letter');
  }

  function fenced(row: ClaimedRow): void {
    logger.warn({ id: row.id, uuid: row.uuid }, 'outcome not recorded: the lease was lost');
  }

  async function stop(graceMs: number): Promise<void> {
    stopped = true;
    clearTimeout(timer);
    probe.stop();
    let expired: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      expired = setTimeout(resolve, graceMs);
    });
    await Promise.race([Promise.allSettled([...inFlight.values()]), deadline]);
    clearTimeout(expired);
  }

  return { wake, stop, inFlight: () => sending.size };
}
