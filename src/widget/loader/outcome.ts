// What became of a submission: the one vocabulary the transport, the outbox, the controller,
// the widget events and the view all speak (issue 9, point 2).
import type { FieldIssue } from '../../shared/lead-submission.ts';

/** Why a submission is kept for resending; each one gets its own words for the visitor. */
export type KeptReason =
  /** The browser says it has no network. */
  | 'offline'
  /** Online, but the relay did not answer in time, or answered 408 or 5xx. */
  | 'unreachable'
  /** The relay answered 429: resent once its Retry-After has passed. */
  | 'rate-limited';

export type Outcome =
  /** The relay answered 202: the lead is stored there. */
  | { kind: 'sent' }
  /** Not delivered yet; resent on its own. */
  | {
      kind: 'kept';
      reason: KeptReason;
      /** From Retry-After, when the relay sent one. */
      retryAfterMs?: number;
      /** Storage refused it: only this page holds it, and only while it stays open. */
      inMemoryOnly?: true;
    }
  /** 400 on fields the visitor sees and can fix. */
  | { kind: 'invalid'; issues: FieldIssue[] }
  /** Refused for good (403, 413, a 400 on a field the visitor cannot see): the owner must act. */
  | {
      kind: 'refused';
      /** Absent when the widget itself failed before any answer. */
      status?: number;
      /** For the site owner's console. */
      cause: string;
      /** A 400 about the proof of work: the outbox solves a fresh one once (proven-post.ts). */
      challenge?: true;
    };
