// The PostgreSQL outbox under concurrency: claimers racing for rows, relays starting at once,
// a late outcome from a sender whose lease expired.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Outbox } from '../../../src/relay/outbox/outbox.ts';
import { openPostgresOutbox } from '../../../src/relay/outbox/postgres-outbox.ts';
import { createPostgresPool } from '../../../src/relay/outbox/postgres-pool.ts';
import { describePostgres } from '../../_util/postgres.ts';
import { createTestDatabase, type TestDatabase } from '../../_util/postgres-database.ts';

const lead = (i: number) => ({
  uuid: `claim-${i}`,
  botId: 'bot',
  customerId: 'cust',
  name: `Lead ${i}`,
});

describePostgres('PostgreSQL outbox under concurrency', (baseUrl) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(baseUrl, 'claims');
  });
  afterEach(async () => {
    await database?.drop();
  });

  const open = async (max = 4): Promise<Outbox> =>
    openPostgresOutbox({ pool: createPostgresPool({ url: database.url, max }) });

  it('creates its tables once when eight relays start at the same moment', async () => {
    const outboxes = await Promise.all(Array.from({ length: 8 }, () => open(1)));
    await outboxes[0]?.accept(lead(0), 1_000);
    for (const outbox of outboxes) expect((await outbox.counts()).pending).toBe(1);
    await Promise.all(outboxes.map((o) => o.close()));
  });

  it('never hands one row to two of four competing claimers', async () => {
    const writer = await open(8);
    const total = 2_000;
    const now = 5_000;
    for (let i = 0; i < total; i += 200) {
      await Promise.all(
        Array.from({ length: 200 }, (_, j) => writer.accept(lead(1_000 + i + j), now)),
      );
    }
    const claimers = await Promise.all(Array.from({ length: 4 }, () => open(2)));
    const claims = new Map<string, number>();
    // Each claimer keeps claiming and delivering until no row is left for it.
    await Promise.all(
      claimers.map(async (outbox, n) => {
        for (;;) {
          const rows = await outbox.claim(`claimer-${n}`, now, 16, 60_000);
          if (rows.length === 0) return;
          for (const row of rows) claims.set(row.id, (claims.get(row.id) ?? 0) + 1);
          await Promise.all(
            rows.map((row) =>
              outbox.markDelivered({
                id: row.id,
                revision: row.revision,
                leaseOwner: row.leaseOwner,
                attempts: 1,
                now,
              }),
            ),
          );
        }
      }),
    );
    const counts = await writer.counts();
    expect(counts).toEqual({ pending: 0, delivered: total, dead: 0 });
    expect(claims.size).toBe(total);
    expect([...claims.values()].filter((n) => n > 1)).toEqual([]);
    await Promise.all([writer, ...claimers].map((o) => o.close()));
  });

  it('fences off a late outcome once the lease expired and another sender took the row', async () => {
    const outbox = await open();
    await outbox.accept(lead(9_999), 10_000);
    const [first] = await outbox.claim('stalled', 10_000, 1, 1_000);
    expect(first).toBeDefined();
    const [second] = await outbox.claim('healthy', 11_001, 1, 1_000);
    expect(second?.id).toBe(first?.id);
    const late = { id: first?.id ?? '', revision: first?.revision ?? 0, attempts: 1, now: 11_002 };
    expect(await outbox.markDead({ ...late, leaseOwner: 'stalled', error: 'late' })).toBe(false);
    expect(await outbox.markDelivered({ ...late, leaseOwner: 'healthy' })).toBe(true);
    expect(await outbox.counts()).toEqual({ pending: 0, delivered: 1, dead: 0 });
    await outbox.close();
  });
});
