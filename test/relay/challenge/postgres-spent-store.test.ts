import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  openPostgresSpentStore,
  postgresSpentStore,
  type SpentStore,
} from '../../../src/relay/challenge/index.ts';
import { describePostgres } from '../../_util/postgres.ts';

describePostgres('PostgreSQL spent-challenge store', (url) => {
  let a: SpentStore;
  let b: SpentStore;
  const id = `nonce-${process.pid}-${Date.now()}`;
  beforeAll(async () => {
    a = await openPostgresSpentStore(url);
    // The form createRelay uses: calls wait for the pool to open.
    b = postgresSpentStore(url, (error) => {
      throw error;
    });
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
