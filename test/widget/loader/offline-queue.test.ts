import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LeadSubmission } from '../../../src/widget/form/submission.ts';
import {
  createOutbox,
  OUTBOX_KEY,
  type OutboxDeps,
  type ResendListener,
} from '../../../src/widget/loader/offline-queue.ts';
import type { Outcome } from '../../../src/widget/loader/outcome.ts';
import { safeStorage } from '../../../src/widget/safe-storage.ts';
import { globalTimer, memoryStorage, throwingStorage } from '../../_util/widget/widget-fakes.ts';

const URL = 'https://relay.example.com';
const UNREACHABLE: Outcome = { kind: 'kept', reason: 'unreachable' };
const lead = (uuid: string, name = 'Ada'): LeadSubmission => ({
  uuid,
  botId: 'b',
  customerId: 'c',
  name,
});

/** A relay whose answers the test gives one by one. */
function scriptedRelay(...answers: Outcome[]) {
  const sent: LeadSubmission[] = [];
  const post = vi.fn(async (_url: string, body: LeadSubmission) => {
    sent.push(body);
    return answers.shift() ?? { kind: 'sent' as const };
  });
  return { post, sent };
}

let backing: ReturnType<typeof memoryStorage>;
let settled: ReturnType<typeof vi.fn<ResendListener>>;
const outboxes: { dispose(): void }[] = [];

function outboxWith(post: OutboxDeps['post'], storage = safeStorage(() => backing)) {
  const outbox = createOutbox({
    storage,
    post,
    random: () => 0.5,
    setTimer: globalTimer,
    events: window,
  });
  outbox.onResent(settled);
  outboxes.push(outbox);
  return outbox;
}

const stored = () => JSON.parse(backing.getItem(OUTBOX_KEY) ?? '[]') as { body: LeadSubmission }[];

beforeEach(() => {
  vi.useFakeTimers();
  backing = memoryStorage();
  settled = vi.fn();
});
afterEach(() => {
  for (const outbox of outboxes.splice(0)) outbox.dispose();
  vi.useRealTimers();
});

describe('outbox.send', () => {
  it('stores the submission before posting and removes it on 202', async () => {
    let seenStored: unknown[] = [];
    const outbox = outboxWith(async () => {
      seenStored = stored();
      return { kind: 'sent' };
    });
    expect(await outbox.send(URL, lead('a'))).toEqual({ kind: 'sent' });
    expect(seenStored).toEqual([{ url: URL, body: lead('a') }]);
    expect(backing.getItem(OUTBOX_KEY)).toBeNull();
  });

  it('removes it on a definitive refusal, since the visitor still has the form', async () => {
    const outbox = outboxWith(scriptedRelay({ kind: 'refused', status: 403, cause: 'x' }).post);
    await outbox.send(URL, lead('a'));
    expect(outbox.size()).toBe(0);
  });

  it('keeps a first send answered 429 and resends it once Retry-After has passed, on its own', async () => {
    const busy: Outcome = { kind: 'kept', reason: 'rate-limited', retryAfterMs: 6_000 };
    const relay = scriptedRelay(busy);
    const outbox = outboxWith(relay.post);
    expect(await outbox.send(URL, lead('a'))).toEqual(busy);
    expect(stored().map((e) => e.body)).toEqual([lead('a')]);
    // random() is 0.5: Retry-After plus 0.5 s of jitter.
    await vi.advanceTimersByTimeAsync(6_499);
    expect(relay.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(relay.sent).toEqual([lead('a'), lead('a')]);
    expect(outbox.size()).toBe(0);
    expect(settled).toHaveBeenCalledWith(lead('a'), { kind: 'sent' });
  });

  it('keeps it when the relay cannot be reached and schedules a resend', async () => {
    const relay = scriptedRelay(UNREACHABLE);
    const outbox = outboxWith(relay.post);
    expect(await outbox.send(URL, lead('a'))).toEqual(UNREACHABLE);
    expect(stored().map((e) => e.body)).toEqual([lead('a')]);
    expect(vi.getTimerCount()).toBe(1);
    await vi.runOnlyPendingTimersAsync();
    expect(relay.sent).toEqual([lead('a'), lead('a')]);
    expect(outbox.size()).toBe(0);
    expect(settled).toHaveBeenCalledWith(lead('a'), { kind: 'sent' });
  });

  it('keeps only the newest body for a uuid', async () => {
    const outbox = outboxWith(scriptedRelay(UNREACHABLE, UNREACHABLE, UNREACHABLE).post);
    await outbox.send(URL, lead('a', 'first'));
    await outbox.send(URL, lead('b'));
    await outbox.send(URL, lead('a', 'second'));
    expect(stored().map((e) => e.body)).toEqual([lead('b'), lead('a', 'second')]);
  });

  it('sends a newer body for the same uuid only after the older one answered', async () => {
    let release: (result: Outcome) => void = () => {};
    const sent: string[] = [];
    const outbox = outboxWith(async (_url, body) => {
      sent.push(String(body.name));
      if (body.name === 'old') return new Promise<Outcome>((resolve) => (release = resolve));
      return { kind: 'sent' };
    });
    const first = outbox.send(URL, lead('a', 'old'));
    const second = outbox.send(URL, lead('a', 'new'));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['old']);
    release({ kind: 'sent' });
    await Promise.all([first, second]);
    expect(sent).toEqual(['old', 'new']);
    expect(outbox.size()).toBe(0);
  });
});

describe('outbox resending', () => {
  it('resends on the online event: exactly one request, then the queue is empty', async () => {
    const relay = scriptedRelay(UNREACHABLE);
    const outbox = outboxWith(relay.post);
    await outbox.send(URL, lead('a'));
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(relay.sent).toHaveLength(2);
    expect(outbox.size()).toBe(0);
    await vi.runAllTimersAsync();
    expect(relay.sent).toHaveLength(2);
  });

  it('survives a reload: a new outbox on the same storage sends what the old one kept', async () => {
    const before = outboxWith(scriptedRelay(UNREACHABLE).post);
    await before.send(URL, lead('a'));
    before.dispose();

    const relay = scriptedRelay();
    const after = outboxWith(relay.post);
    await after.flush();
    expect(relay.post).toHaveBeenCalledExactlyOnceWith(URL, lead('a'));
    expect(after.size()).toBe(0);
    expect(settled).toHaveBeenCalledWith(lead('a'), { kind: 'sent' });
  });

  it('never sends an entry twice when flushes race', async () => {
    backing.setItem(
      OUTBOX_KEY,
      JSON.stringify([
        { url: URL, body: lead('a') },
        { url: URL, body: lead('b') },
      ]),
    );
    const relay = scriptedRelay();
    const outbox = outboxWith(relay.post);
    window.dispatchEvent(new Event('online'));
    await Promise.all([outbox.flush(), outbox.flush(), outbox.send(URL, lead('c'))]);
    expect(relay.sent.map((body) => body.uuid).sort()).toEqual(['a', 'b', 'c']);
  });

  it('backs off exponentially between failed resends', async () => {
    const relay = scriptedRelay(...Array.from({ length: 5 }, () => UNREACHABLE));
    const outbox = outboxWith(relay.post);
    await outbox.send(URL, lead('a'));
    // random() is 0.5: waits of 1 s + 0.5 × 2 s × 2^failures.
    const waits = [3_000, 5_000, 9_000, 17_000];
    for (const [index, wait] of waits.entries()) {
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(relay.sent).toHaveLength(index + 1);
      await vi.advanceTimersByTimeAsync(1);
      expect(relay.sent).toHaveLength(index + 2);
    }
    expect(outbox.size()).toBe(1);
  });

  it('drops an entry the relay refuses for good and reports it', async () => {
    backing.setItem(OUTBOX_KEY, JSON.stringify([{ url: URL, body: lead('a') }]));
    const refused: Outcome = { kind: 'refused', status: 403, cause: 'the relay answered 403' };
    const outbox = outboxWith(scriptedRelay(refused).post);
    await outbox.flush();
    expect(outbox.size()).toBe(0);
    expect(settled).toHaveBeenCalledWith(lead('a'), refused);
  });

  it('keeps an entry answered with 429 on a resend, for later', async () => {
    backing.setItem(OUTBOX_KEY, JSON.stringify([{ url: URL, body: lead('a') }]));
    const outbox = outboxWith(scriptedRelay({ kind: 'kept', reason: 'rate-limited' }).post);
    await outbox.flush();
    expect(outbox.size()).toBe(1);
    expect(settled).not.toHaveBeenCalled();
  });

  it('resends without the phone, its number as typed closing the message, when the relay refuses the phone alone', async () => {
    const phoneRefused: Outcome = {
      kind: 'invalid',
      issues: [
        { path: 'phone', message: 'This doesn’t look like a valid number for United Kingdom' },
      ],
    };
    const relay = scriptedRelay(UNREACHABLE, phoneRefused);
    const outbox = outboxWith(relay.post);
    const withPhone = {
      ...lead('a'),
      email: 'ada@example.com',
      phone: '791112345',
      dialCode: '+44',
      message: 'Call me',
    };
    await outbox.send(URL, withPhone, '07911 12345 (+44)');
    await vi.runOnlyPendingTimersAsync();
    expect(relay.sent).toHaveLength(3);
    expect(relay.sent[2]).toEqual({
      ...lead('a'),
      email: 'ada@example.com',
      message: 'Call me\n\nPhone as typed (not accepted as a number): 07911 12345 (+44)',
    });
    expect(outbox.size()).toBe(0);
    expect(settled).toHaveBeenCalledExactlyOnceWith(relay.sent[2], { kind: 'sent' });
  });

  it('drops a resend refused on other fields, and reports it', async () => {
    const emailRefused: Outcome = { kind: 'invalid', issues: [{ path: 'email', message: 'bad' }] };
    const relay = scriptedRelay(UNREACHABLE, emailRefused);
    const outbox = outboxWith(relay.post);
    await outbox.send(URL, { ...lead('a'), phone: '791112345', dialCode: '+44' }, '07911 12345');
    await vi.runOnlyPendingTimersAsync();
    expect(relay.sent).toHaveLength(2);
    expect(outbox.size()).toBe(0);
    expect(settled).toHaveBeenCalledWith(relay.sent[1], emailRefused);
  });

  it('ignores stored data it did not write', async () => {
    backing.setItem(
      OUTBOX_KEY,
      JSON.stringify([{ body: { name: 'x' } }, 'junk', { url: URL, body: lead('a') }]),
    );
    const relay = scriptedRelay();
    await outboxWith(relay.post).flush();
    expect(relay.sent).toEqual([lead('a')]);
    backing.setItem(OUTBOX_KEY, '{not json');
    await outboxWith(relay.post).flush();
    expect(relay.sent).toHaveLength(1);
  });
});

describe('outbox without working storage', () => {
  it('says a kept submission is held in memory only, and still resends it on this page when storage is full', async () => {
    backing.full = true;
    const relay = scriptedRelay(UNREACHABLE);
    const outbox = outboxWith(relay.post);
    expect(await outbox.send(URL, lead('a'))).toEqual({ ...UNREACHABLE, inMemoryOnly: true });
    expect(outbox.size()).toBe(1);
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(relay.sent).toHaveLength(2);
    expect(outbox.size()).toBe(0);
  });

  it('still resends on this page when every storage call throws', async () => {
    const relay = scriptedRelay(UNREACHABLE);
    const outbox = outboxWith(relay.post, safeStorage(throwingStorage));
    expect(await outbox.send(URL, lead('a'))).toEqual({ ...UNREACHABLE, inMemoryOnly: true });
    await vi.runOnlyPendingTimersAsync();
    expect(relay.sent).toHaveLength(2);
    expect(outbox.size()).toBe(0);
  });
});

describe('outbox.dispose', () => {
  it('clears its timer and stops listening for online, keeping entries for the next page', async () => {
    const relay = scriptedRelay(UNREACHABLE);
    const outbox = outboxWith(relay.post);
    await outbox.send(URL, lead('a'));
    outbox.dispose();
    expect(vi.getTimerCount()).toBe(0);
    window.dispatchEvent(new Event('online'));
    await vi.runAllTimersAsync();
    expect(relay.sent).toHaveLength(1);
    expect(stored()).toHaveLength(1);
  });
});
