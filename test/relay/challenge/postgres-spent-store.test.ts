import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresSpentStore, type SpentStore } from '../../../src/relay/challenge/index.ts';

const url = process.env.RELAY_TEST_DATABASE_URL;
if (!url)
  console.log('postgres-spent-store: skipped, set RELAY_TEST_DATABASE_URL=postgres://… to run it');

describe.skipIf(!url)('PostgreSQL spent-challenge store', () => {
  let a: SpentStore;
  let b: SpentStore;
  const id = `nonce-${process.pid}-${Date.now()}`;
  beforeAll(async () => {
    a = await openPostgresSpentStore(url as string);
    b = await openPostgresSpentStore(url as string);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('spends an id once across two relay instances', async () => {
    const results = await Promise.all([a.spend(id, 2_000, 1_000), b.spend(id, 2_000, 1_000)]);
    expect(results.sort()).toEqual([false, true]);
    expect(await a.spend(id, 2_000, 1_000)).toBe(false);
  });

  it('forgets expired ids when pruned', async () => {
    await a.prune(2_001);
    expect(await b.spend(id, 9_000, 2_001)).toBe(true);
    await b.prune(9_001);
  });
});
