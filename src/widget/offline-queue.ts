// The outbox: every submission is written to localStorage before it is posted and removed once
// the relay answered for good, so a lead survives offline spells, 5xx, timeouts and page
// unloads. Resent with backoff, on `online`, and at the next page load.
import { attempt } from './attempt.ts';
import type { SafeStorage } from './safe-storage.ts';
import type { LeadSubmission } from './submission.ts';
import type { PostResult } from './transport.ts';

export const OUTBOX_KEY = 'eleapi-leads:outbox';
const MAX_ENTRIES = 10;
const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 5 * 60_000;

interface Entry {
  url: string;
  body: LeadSubmission;
}

export interface OutboxDeps {
  storage: SafeStorage;
  post(url: string, body: LeadSubmission): Promise<PostResult>;
  random(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: never): void;
  /** Where `online` fires (window). */
  events: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  /** A resend (not a direct send) got its final answer. */
  onSettled(body: LeadSubmission, result: PostResult): void;
}

export interface Outbox {
  /** Stores then posts a submission; keeps it for resending unless the relay answered for good. */
  send(url: string, body: LeadSubmission): Promise<PostResult>;
  /** Posts every stored submission not already in flight. */
  flush(): Promise<void>;
  size(): number;
  /** Stops timers and the `online` listener; stored submissions stay for the next page. */
  dispose(): void;
}

// A resend gets no visitor to read a 429: wait and try again; other refusals are final.
const isFinalResend = (result: PostResult) =>
  result.kind !== 'retry' && !(result.kind === 'refused' && result.status === 429);

export function createOutbox(deps: OutboxDeps): Outbox {
  const { storage } = deps;
  // The page's own copy: if storage refuses a write (full, blocked), this page still resends.
  let memory: Entry[] = [];
  let storageWorks = true;
  const inFlight = new Map<string, Promise<PostResult>>();
  let failures = 0;
  let timer: unknown;
  let disposed = false;

  const load = (): Entry[] => (storageWorks ? parseEntries(storage.get(OUTBOX_KEY)) : memory);
  const save = (entries: Entry[]) => {
    memory = entries;
    if (!storageWorks) return;
    if (entries.length) storageWorks = storage.set(OUTBOX_KEY, JSON.stringify(entries));
    else storage.remove(OUTBOX_KEY);
  };

  // Marks the uuid in flight synchronously, so a flush racing this call skips it. Chained after
  // any request for the same uuid, so an older body cannot overtake a newer one.
  const deliver = (entry: Entry, final: (result: PostResult) => boolean) => {
    const { uuid } = entry.body;
    const sent = JSON.stringify(entry.body);
    const sending: Promise<PostResult> = Promise.resolve(inFlight.get(uuid))
      .then(() => deps.post(entry.url, entry.body))
      .then((result) => {
        if (inFlight.get(uuid) === sending) inFlight.delete(uuid);
        if (final(result)) {
          // A newer body stored meanwhile for the same uuid stays queued.
          save(load().filter((e) => JSON.stringify(e.body) !== sent));
          failures = 0;
        } else {
          failures++;
          schedule();
        }
        return result;
      });
    inFlight.set(uuid, sending);
    return sending;
  };

  function schedule() {
    if (disposed) return;
    deps.clearTimeout(timer as never);
    const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** failures);
    // 1 s plus a uniform share of the doubling ceiling (never 0, so not full jitter): visitors
    // coming back online together spread their resends.
    timer = deps.setTimeout(flush, BASE_DELAY_MS / 2 + deps.random() * ceiling);
  }

  async function flush() {
    await Promise.all(
      load()
        .filter((entry) => !inFlight.has(entry.body.uuid))
        .map(async (entry) => {
          const result = await deliver(entry, isFinalResend);
          if (isFinalResend(result)) deps.onSettled(entry.body, result);
        }),
    );
  }

  const onOnline = () => {
    failures = 0;
    void flush();
  };
  deps.events.addEventListener('online', onOnline);

  return {
    send(url, body) {
      const entry = { url, body };
      // Coalesced by uuid: the relay upserts by uuid, so only the newest body is worth sending.
      save([...load().filter((e) => e.body.uuid !== body.uuid), entry].slice(-MAX_ENTRIES));
      return deliver(entry, (result) => result.kind !== 'retry');
    },
    flush,
    size: () => load().length,
    dispose() {
      disposed = true;
      deps.clearTimeout(timer as never);
      deps.events.removeEventListener('online', onOnline);
    },
  };
}

// localStorage is shared with the host page and other versions of the widget: trust nothing.
function parseEntries(text: string | null): Entry[] {
  const entries = attempt(() => JSON.parse(text ?? '[]'), 0);
  return Array.isArray(entries)
    ? entries.filter(
        (entry: Entry | null) =>
          typeof entry?.url === 'string' && typeof entry.body?.uuid === 'string',
      )
    : [];
}
