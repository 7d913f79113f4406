// The outbox contract both stores keep (SQLite in sqlite-outbox.ts, PostgreSQL in
// postgres-outbox.ts): accepted leads wait here until eleapi confirms them.
import type { UpsertLeadBody } from '../../shared/eleapi-api.ts';

export const OUTBOX_STATES = ['pending', 'delivered', 'dead'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** A lead's identity upstream: eleapi upserts by uuid within one bot of one customer. */
export interface LeadKey {
  botId: string;
  customerId: string;
  uuid: string;
}

export interface OutboxRow extends LeadKey {
  id: string;
  state: OutboxState;
  /** What the next attempt sends; undefined once delivered (no personal data kept after). */
  body: UpsertLeadBody | undefined;
  /** Bumped by every accepted submission for the key. */
  revision: number;
  attempts: number;
  /** Epoch ms of the first submission accepted for the key since it was last delivered. */
  acceptedAt: number;
  createdAt: number;
  updatedAt: number;
  nextAttemptAt: number;
  lastError: string | undefined;
  upstreamStatus: number | undefined;
  upstreamAnswer: string | undefined;
}

/** A row leased to one sender until `leaseUntil`; outcomes must present the lease. */
export interface ClaimedRow extends OutboxRow {
  body: UpsertLeadBody;
  leaseOwner: string;
  leaseUntil: number;
}

/** What one delivery attempt ended with, recorded against the lease and revision it sent. */
export interface AttemptRecord {
  id: string;
  revision: number;
  leaseOwner: string;
  attempts: number;
  now: number;
  error?: string | undefined;
  upstreamStatus?: number | undefined;
  upstreamAnswer?: string | undefined;
}

export interface Outbox {
  /**
   * Stores a submission durably, merged (merge-lead.ts) into the pending row of its key, or as
   * a new pending row. Resolves once committed: only then may the relay answer 202.
   */
  accept(body: UpsertLeadBody, now: number): Promise<void>;
  /**
   * Leases up to `limit` pending rows due by `now` to `owner` until `now + leaseMs`, oldest due
   * first. A leased row is claimed again only after its lease expired (its sender died).
   */
  claim(owner: string, now: number, limit: number, leaseMs: number): Promise<ClaimedRow[]>;
  /** When the earliest unleased pending row becomes due, if any. */
  nextDueAt(now: number): Promise<number | undefined>;
  // Outcomes. Each returns false (and changes nothing) when the lease was lost meanwhile.
  // Submissions accepted while a row was leased are kept: after a delivery they are sent next.
  markDelivered(record: AttemptRecord): Promise<boolean>;
  markRetry(record: AttemptRecord & { nextAttemptAt: number }): Promise<boolean>;
  markDead(record: AttemptRecord): Promise<boolean>;
  /** Dead and pending rows (all, or those ids) due now, attempts reset; resolves with how many. */
  retry(ids: readonly string[] | undefined, now: number): Promise<number>;
  list(state: OutboxState | undefined, limit: number): Promise<OutboxRow[]>;
  counts(): Promise<Record<OutboxState, number>>;
  /** Deletes delivered rows last touched before `before`. */
  pruneDelivered(before: number): Promise<number>;
  /** A cheap durable write, for readiness; rejects when the store cannot commit. */
  checkWritable(now: number): Promise<void>;
  /** Commits what is queued, then closes the store. */
  close(): Promise<void>;
}
