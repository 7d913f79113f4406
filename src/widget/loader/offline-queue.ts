// The outbox: every submission is written to localStorage before it is posted and removed once
// the relay answered for good, so a lead survives offline spells, 429, 5xx, timeouts and page
// unloads. Resent with backoff (after Retry-After for a 429), on `online`, and at the next load.

import type { LeadSubmission } from '../../shared/lead-submission.ts';
import { parseJsonOr } from '../../shared/parse-json.ts';
import type { SafeStorage } from '../safe-storage.ts';
import type { Outcome } from './outcome.ts';
import type { Prove } from './proof-hook.ts';
import { provenPost } from './proven-post.ts';
import type { SetTimer } from './timer.ts';
import { onlyPhoneIssues, withoutPhone } from './without-phone.ts';

export const OUTBOX_KEY = 'eleapi-leads:outbox';
const MAX_ENTRIES = 10;
const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 5 * 60_000;

interface Entry {
  url: string;
  body: LeadSubmission;
  /** The phone as the visitor typed it, for the note if the relay refuses the number. */
  phoneAsTyped?: string;
}

export interface OutboxDeps {
  storage: SafeStorage;
  post(url: string, body: LeadSubmission): Promise<Outcome>;
  random(): number;
  setTimer: SetTimer;
  /** Where `online` fires (window). */
  events: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  /** Attaches the proof of work the relay wants (proof-hook.ts); none by default. */
  prove?: Prove;
}

/** A resend (not a direct send) got its final answer. */
export type ResendListener = (body: LeadSubmission, outcome: Outcome) => void;

export interface Outbox {
  /** Stores then posts a submission; keeps it for resending unless the relay answered for good. */
  send(url: string, body: LeadSubmission, phoneAsTyped?: string): Promise<Outcome>;
  /** Posts every stored submission not already in flight. */
  flush(): Promise<void>;
  /** Returns the unsubscribe function. */
  onResent(listener: ResendListener): () => void;
  size(): number;
  /** Stops timers and the `online` listener; stored submissions stay for the next page. */
  dispose(): void;
}

export function createOutbox(deps: OutboxDeps): Outbox {
  const { storage } = deps;
  const prove = deps.prove ?? (async (body: LeadSubmission) => body);
  // The page's own copy: if storage refuses a write (full, blocked), this page still resends.
  let memory: Entry[] = [];
  let storageWorks = true;
  const inFlight = new Map<string, Promise<Outcome>>();
  const listeners = new Set<ResendListener>();
  let failures = 0;
  let cancelTimer = () => {};
  let disposed = false;

  const load = (): Entry[] => (storageWorks ? parseEntries(storage.get(OUTBOX_KEY)) : memory);
  const save = (entries: Entry[]) => {
    memory = entries;
    if (!storageWorks) return;
    if (entries.length) storageWorks = storage.set(OUTBOX_KEY, JSON.stringify(entries));
    else storage.remove(OUTBOX_KEY);
  };
  const replace = (old: Entry, next: Entry[]) => {
    const sent = JSON.stringify(old.body);
    // A newer body stored meanwhile for the same uuid stays queued.
    save([...load().filter((e) => JSON.stringify(e.body) !== sent), ...next]);
  };

  // Marks the uuid in flight synchronously, so a flush racing this call skips it. Chained after
  // any request for the same uuid, so an older body cannot overtake a newer one.
  const deliver = (entry: Entry) => {
    const { uuid } = entry.body;
    let current = entry;
    // A body with a new proof takes the stored one's place, so the next page resends that.
    const keep = (body: LeadSubmission) => {
      const old = JSON.stringify(current.body);
      const next = { ...current, body };
      save(load().map((e) => (JSON.stringify(e.body) === old ? next : e)));
      current = next;
    };
    const sending: Promise<Outcome> = Promise.resolve(inFlight.get(uuid))
      .then(() => provenPost(deps.post, prove, entry.url, entry.body, keep))
      .then((outcome) => {
        if (inFlight.get(uuid) === sending) inFlight.delete(uuid);
        if (outcome.kind === 'kept') {
          failures++;
          schedule(outcome.retryAfterMs);
        } else {
          replace(current, []);
          failures = 0;
        }
        return outcome;
      });
    inFlight.set(uuid, sending);
    return sending;
  };

  function schedule(retryAfterMs: number | undefined) {
    if (disposed) return;
    cancelTimer();
    const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** failures);
    // 1 s plus a uniform share of the doubling ceiling (never 0, so not full jitter): visitors
    // coming back online together spread their resends. After a 429: Retry-After plus up to 1 s.
    const wait =
      retryAfterMs === undefined
        ? BASE_DELAY_MS / 2 + deps.random() * ceiling
        : retryAfterMs + (deps.random() * BASE_DELAY_MS) / 2;
    cancelTimer = deps.setTimer(flush, wait);
  }

  async function resend(entry: Entry): Promise<void> {
    const outcome = await deliver(entry);
    if (outcome.kind === 'kept') return;
    if (outcome.kind === 'invalid' && entry.phoneAsTyped && onlyPhoneIssues(outcome.issues)) {
      const rest: Entry = { url: entry.url, body: withoutPhone(entry.body, entry.phoneAsTyped) };
      replace(entry, [rest]);
      return resend(rest);
    }
    for (const listener of listeners) listener(entry.body, outcome);
  }

  async function flush() {
    await Promise.all(
      load()
        .filter((entry) => !inFlight.has(entry.body.uuid))
        .map(resend),
    );
  }

  const onOnline = () => {
    failures = 0;
    void flush();
  };
  deps.events.addEventListener('online', onOnline);

  return {
    async send(url, body, phoneAsTyped) {
      const entry: Entry = phoneAsTyped ? { url, body, phoneAsTyped } : { url, body };
      // Coalesced by uuid: the relay upserts by uuid, so only the newest body is worth sending.
      save([...load().filter((e) => e.body.uuid !== body.uuid), entry].slice(-MAX_ENTRIES));
      const held = storageWorks;
      const outcome = await deliver(entry);
      return outcome.kind === 'kept' && !held ? { ...outcome, inMemoryOnly: true } : outcome;
    },
    flush,
    onResent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    size: () => load().length,
    dispose() {
      disposed = true;
      cancelTimer();
      listeners.clear();
      deps.events.removeEventListener('online', onOnline);
    },
  };
}

// localStorage is shared with the host page and other versions of the widget: trust nothing.
function parseEntries(text: string | null): Entry[] {
  const entries: unknown = parseJsonOr(text ?? '[]', []);
  return Array.isArray(entries)
    ? entries.filter(
        (entry: Entry | null) =>
          typeof entry?.url === 'string' && typeof entry.body?.uuid === 'string',
      )
    : [];
}
