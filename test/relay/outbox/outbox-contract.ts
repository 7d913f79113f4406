// The rules every outbox store keeps (src/relay/outbox/outbox.ts), as one suite each store runs:
// `describeOutboxContract('SQLite', open)`. Store-agnostic: it only uses the Outbox interface.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeLead } from '../../../src/relay/outbox/merge-lead.ts';
import type { ClaimedRow, Outbox } from '../../../src/relay/outbox/outbox.ts';
import type { UpsertLeadBody } from '../../../src/shared/eleapi-api.ts';

export interface OpenedOutbox {
  outbox: Outbox;
  close(): Promise<void>;
}

const T = 1_700_000_000_000;
const LEASE = 1_000;
let counter = 0;
const note = (description: string) => ({ title: 'Message', description });

function lead(overrides: Partial<UpsertLeadBody> = {}): UpsertLeadBody {
  counter++;
  return {
    uuid: `0b6c6f2e-3f1a-4c1e-9d55-${counter.toString(16).padStart(12, '0')}`,
    botId: 'bot1',
    customerId: 'cust1',
    name: 'Ada',
    ...overrides,
  };
}

export function describeOutboxContract(label: string, open: () => Promise<OpenedOutbox>): void {
  describe(`the outbox contract: ${label}`, () => {
    let opened: OpenedOutbox;
    let outbox: Outbox;
    beforeEach(async () => {
      opened = await open();
      outbox = opened.outbox;
    });
    afterEach(() => opened.close());

    const only = async (owner = 'A', now = T, leaseMs = LEASE): Promise<ClaimedRow> => {
      const rows = await outbox.claim(owner, now, 10, leaseMs);
      expect(rows).toHaveLength(1);
      return rows[0] as ClaimedRow;
    };
    const ack = (row: ClaimedRow, now: number, attempts = row.attempts + 1) =>
      outbox.markDelivered({
        id: row.id,
        revision: row.revision,
        leaseOwner: row.leaseOwner,
        attempts,
        now,
        upstreamStatus: 200,
      });
    const one = async () => {
      const rows = await outbox.list(undefined, 10);
      expect(rows).toHaveLength(1);
      return rows[0];
    };

    describe('accept', () => {
      it('stores a new submission as a pending row due now', async () => {
        const body = lead();
        await outbox.accept(body, T);
        expect(await one()).toMatchObject({
          botId: 'bot1',
          customerId: 'cust1',
          uuid: body.uuid,
          state: 'pending',
          body,
          revision: 1,
          attempts: 0,
          acceptedAt: T,
          createdAt: T,
          nextAttemptAt: T,
        });
        expect(await outbox.nextDueAt(T)).toBe(T);
      });

      it('keeps the same uuid for two bots as two rows, each with its own body', async () => {
        const first = lead({ name: 'For bot 1' });
        const second = { ...first, botId: 'bot2', customerId: 'cust2', name: 'For bot 2' };
        await outbox.accept(first, T);
        await outbox.accept(second, T + 1);
        const rows = await outbox.list('pending', 10);
        expect(rows.map((r) => [r.botId, r.customerId, r.body?.name])).toEqual([
          ['bot1', 'cust1', 'For bot 1'],
          ['bot2', 'cust2', 'For bot 2'],
        ]);
        expect(new Set(rows.map((r) => r.id)).size).toBe(2);
      });

      it('merges a later submission into a pending row that is not leased', async () => {
        const first = lead({ email: 'ada@example.com', notes: [note('first')], tags: ['a'] });
        const later = { ...first, email: undefined, phone: '7911123456', notes: [note('second')] };
        await outbox.accept(first, T);
        await outbox.accept(later, T + 5);
        expect(await one()).toMatchObject({
          body: mergeLead(first, later),
          revision: 2,
          attempts: 0,
          acceptedAt: T + 5,
          createdAt: T,
          nextAttemptAt: T + 5,
        });
        expect((await one())?.body?.notes?.map((n) => n.description)).toEqual(['first', 'second']);
      });

      it('holds submissions made while the row is leased, and sends them after delivery', async () => {
        const first = lead({ notes: [note('first')] });
        await outbox.accept(first, T);
        const sent = await only();
        await outbox.accept({ ...first, notes: [note('second')] }, T + 10);
        await outbox.accept({ ...first, notes: [note('third')], tags: ['late'] }, T + 20);
        // What is in flight is not changed: its notes must not reach eleapi twice.
        expect(await one()).toMatchObject({ body: first, revision: 1, acceptedAt: T + 20 });
        expect(await ack(sent, T + 30)).toBe(true);
        expect(await one()).toMatchObject({
          state: 'pending',
          revision: 2,
          attempts: 0,
          nextAttemptAt: T + 30,
        });
        const next = await only('A', T + 30);
        expect(next.body.notes?.map((n) => n.description)).toEqual(['second', 'third']);
        expect(next.body.tags).toEqual(['late']);
        expect(await ack(next, T + 40)).toBe(true);
        expect(await outbox.list(undefined, 10)).toEqual([]);
        expect((await outbox.list('delivered', 10))[0]).toMatchObject({ body: undefined });
      });

      it('starts a delivered row over with the new body alone', async () => {
        const first = lead({ notes: [note('first')] });
        await outbox.accept(first, T);
        await ack(await only(), T + 1);
        await outbox.accept({ ...first, notes: [note('again')] }, T + 2);
        expect(await one()).toMatchObject({
          state: 'pending',
          body: { ...first, notes: [note('again')] },
          revision: 2,
          attempts: 0,
          acceptedAt: T + 2,
          nextAttemptAt: T + 2,
        });
      });

      it('starts a dead row over with the new body, its last error cleared', async () => {
        const first = lead();
        await outbox.accept(first, T);
        const row = await only();
        await outbox.markDead({ ...row, attempts: 1, now: T + 1, error: 'upstream answered 400' });
        await outbox.accept({ ...first, name: 'Fixed' }, T + 2);
        expect(await one()).toMatchObject({
          state: 'pending',
          body: { ...first, name: 'Fixed' },
          revision: 2,
          attempts: 0,
          acceptedAt: T + 2,
          lastError: undefined,
        });
      });
    });

    describe('claim', () => {
      it('leases due rows oldest due first, and not the ones due later', async () => {
        const [a, b, c] = [lead(), lead(), lead()];
        await outbox.accept(b, T + 1);
        await outbox.accept(a, T);
        await outbox.accept(c, T + 5000);
        const rows = await outbox.claim('A', T + 10, 10, LEASE);
        expect(rows.map((r) => r.uuid)).toEqual([a.uuid, b.uuid]);
        expect(rows[0]).toMatchObject({ leaseOwner: 'A', leaseUntil: T + 10 + LEASE, body: a });
        expect(await outbox.claim('B', T + 10, 10, LEASE)).toEqual([]);
      });

      it('never hands one row to two concurrent claimers', async () => {
        for (let i = 0; i < 60; i++) await outbox.accept(lead(), T);
        const claims = await Promise.all(
          Array.from({ length: 12 }, (_, i) => outbox.claim(`owner-${i}`, T, 7, 60_000)),
        );
        const ids = claims.flat().map((r) => r.id);
        expect(ids).toHaveLength(60);
        expect(new Set(ids).size).toBe(60);
      });

      it('lets another owner take over an expired lease, and fences the late outcome', async () => {
        await outbox.accept(lead(), T);
        const first = await only('A', T);
        expect(await outbox.claim('B', T + LEASE, 10, LEASE)).toEqual([]);
        const second = await only('B', T + LEASE + 1);
        expect(second).toMatchObject({ id: first.id, leaseOwner: 'B' });
        expect(await ack(first, T + LEASE + 2)).toBe(false);
        expect(await one()).toMatchObject({ state: 'pending' });
        expect(await ack(second, T + LEASE + 3)).toBe(true);
        expect(await outbox.counts()).toEqual({ pending: 0, delivered: 1, dead: 0 });
      });

      it('fences an outcome for a revision that was replaced after its lease expired', async () => {
        const body = lead({ notes: [note('one')] });
        await outbox.accept(body, T);
        const sent = await only('A', T);
        await outbox.accept({ ...body, notes: [note('two')] }, T + LEASE + 1);
        expect(await ack(sent, T + LEASE + 2)).toBe(false);
        const next = await only('A', T + LEASE + 2);
        expect(next.revision).toBe(2);
        expect(next.body.notes?.map((n) => n.description)).toEqual(['one', 'two']);
      });
    });

    describe('outcomes', () => {
      it('schedules a retry, merging in what was held, with the upstream answer', async () => {
        const body = lead({ notes: [note('one')] });
        await outbox.accept(body, T);
        const sent = await only();
        await outbox.accept({ ...body, notes: [note('two')] }, T + 1);
        const retried = await outbox.markRetry({
          ...sent,
          attempts: 1,
          now: T + 2,
          nextAttemptAt: T + 5000,
          error: 'upstream answered 503',
          upstreamStatus: 503,
          upstreamAnswer: 'busy',
        });
        expect(retried).toBe(true);
        expect(await one()).toMatchObject({
          state: 'pending',
          revision: 2,
          attempts: 1,
          nextAttemptAt: T + 5000,
          lastError: 'upstream answered 503',
          upstreamStatus: 503,
          upstreamAnswer: 'busy',
        });
        expect((await one())?.body?.notes?.map((n) => n.description)).toEqual(['one', 'two']);
        expect(await outbox.claim('A', T + 4999, 10, LEASE)).toEqual([]);
        expect(await outbox.nextDueAt(T + 10)).toBe(T + 5000);
      });

      it('keeps a dead letter with its body and answer', async () => {
        const body = lead();
        await outbox.accept(body, T);
        const sent = await only();
        const record = { ...sent, attempts: 1, now: T + 1, error: 'upstream answered 400' };
        expect(await outbox.markDead({ ...record, upstreamStatus: 400 })).toBe(true);
        expect((await outbox.list('dead', 10))[0]).toMatchObject({
          state: 'dead',
          body,
          attempts: 1,
          lastError: 'upstream answered 400',
          upstreamStatus: 400,
        });
      });

      it('sends what was held next when the body in flight is refused', async () => {
        const body = lead({ dialCode: 'bad' });
        await outbox.accept(body, T);
        const sent = await only();
        await outbox.accept({ ...body, dialCode: '+44' }, T + 1);
        expect(await outbox.markDead({ ...sent, attempts: 1, now: T + 2 })).toBe(true);
        expect(await one()).toMatchObject({ state: 'pending', revision: 2, attempts: 0 });
        expect((await only('A', T + 2)).body.dialCode).toBe('+44');
      });

      it('changes nothing for an unknown id or another owner', async () => {
        await outbox.accept(lead(), T);
        const sent = await only();
        expect(await ack({ ...sent, id: 'no-such-row' }, T + 1)).toBe(false);
        expect(await ack({ ...sent, leaseOwner: 'B' }, T + 1)).toBe(false);
        expect(await outbox.markDead({ ...sent, revision: 9, attempts: 1, now: T + 1 })).toBe(
          false,
        );
        expect(await one()).toMatchObject({ state: 'pending', attempts: 0 });
        expect(await ack(sent, T + 1)).toBe(true);
      });
    });

    describe('retry, listing, counts, pruning', () => {
      it('makes dead and waiting rows due now, attempts reset, leaving live leases alone', async () => {
        const [dead, waiting, leased] = [lead(), lead(), lead()];
        await outbox.accept(dead, T);
        await outbox.accept(waiting, T + 1);
        const [d, w] = await outbox.claim('A', T + 1, 2, LEASE);
        await outbox.markDead({ ...(d as ClaimedRow), attempts: 3, now: T + 2 });
        await outbox.markRetry({
          ...(w as ClaimedRow),
          attempts: 2,
          now: T + 2,
          nextAttemptAt: T + 99_999_999,
        });
        await outbox.accept(leased, T + 3);
        await only('A', T + 3);
        expect(await outbox.retry(undefined, T + 10)).toBe(2);
        const due = await outbox.claim('B', T + 10, 10, LEASE);
        expect(due.map((r) => [r.uuid, r.attempts]).sort()).toEqual(
          [
            [dead.uuid, 0],
            [waiting.uuid, 0],
          ].sort(),
        );
      });

      it('retries only the ids given', async () => {
        const bodies = [lead(), lead(), lead()];
        for (const body of bodies) await outbox.accept(body, T);
        for (const row of await outbox.claim('A', T, 10, LEASE)) {
          await outbox.markDead({ ...row, attempts: 1, now: T + 1 });
        }
        const [first] = await outbox.list('dead', 10);
        expect(await outbox.retry([first?.id ?? '', 'no-such-row'], T + 2)).toBe(1);
        expect(await outbox.counts()).toEqual({ pending: 1, delivered: 0, dead: 2 });
        expect(await outbox.retry(undefined, T + 3)).toBe(3);
        expect(await outbox.counts()).toEqual({ pending: 3, delivered: 0, dead: 0 });
      });

      it('lists oldest first, by state, and everything but delivered by default', async () => {
        const bodies = [lead(), lead(), lead(), lead()];
        await outbox.accept(bodies[2] as UpsertLeadBody, T + 2);
        await outbox.accept(bodies[0] as UpsertLeadBody, T);
        await outbox.accept(bodies[3] as UpsertLeadBody, T + 3);
        await outbox.accept(bodies[1] as UpsertLeadBody, T + 1);
        const [oldest, second] = await outbox.claim('A', T + 3, 2, LEASE);
        await ack(oldest as ClaimedRow, T + 4);
        await outbox.markDead({ ...(second as ClaimedRow), attempts: 1, now: T + 4 });
        const uuids = (rows: { uuid: string }[]) => rows.map((r) => r.uuid);
        const [u0, u1, u2, u3] = bodies.map((b) => b.uuid);
        expect(uuids(await outbox.list(undefined, 10))).toEqual([u1, u2, u3]);
        expect(uuids(await outbox.list('pending', 10))).toEqual([u2, u3]);
        expect(uuids(await outbox.list('pending', 1))).toEqual([u2]);
        expect(uuids(await outbox.list('dead', 10))).toEqual([u1]);
        expect(uuids(await outbox.list('delivered', 10))).toEqual([u0]);
        expect(await outbox.counts()).toEqual({ pending: 2, delivered: 1, dead: 1 });
      });

      it('counts every state, zeros included', async () => {
        expect(await outbox.counts()).toEqual({ pending: 0, delivered: 0, dead: 0 });
        expect(await outbox.nextDueAt(T)).toBeUndefined();
      });

      it('wakes a sender when a live lease ends', async () => {
        await outbox.accept(lead(), T);
        const row = await only('A', T);
        const next = await outbox.nextDueAt(T + 1);
        expect(next).toBeGreaterThanOrEqual(row.leaseUntil);
        expect(next).toBeLessThanOrEqual(row.leaseUntil + 1);
      });

      it('prunes delivered rows last touched before the cutoff only', async () => {
        await outbox.accept(lead(), T);
        await outbox.accept(lead(), T);
        await outbox.accept(lead(), T);
        const [old, recent] = await outbox.claim('A', T, 2, LEASE);
        await ack(old as ClaimedRow, T + 100);
        await ack(recent as ClaimedRow, T + 900);
        expect(await outbox.pruneDelivered(T + 500)).toBe(1);
        expect((await outbox.list('delivered', 10)).map((r) => r.id)).toEqual([recent?.id]);
        expect(await outbox.counts()).toEqual({ pending: 1, delivered: 1, dead: 0 });
      });

      it('takes a readiness write', async () => {
        await expect(outbox.checkWritable(T)).resolves.toBeUndefined();
      });
    });
  });
}
