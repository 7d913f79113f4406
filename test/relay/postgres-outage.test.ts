// The database goes down under a running relay and comes back: submissions get 503 with
// Retry-After meanwhile (never a 202 that was not committed), and nothing accepted is lost.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../_util/postgres.ts';
import { type PrivateCluster, startPrivateCluster } from '../_util/postgres-cluster.ts';
import { type ChildRelay, startRelayCli } from './support/child-relay.ts';
import { baseEnv, eventually, ORIGIN, validLead } from './support/fixtures.ts';
import { useSimAndDir } from './support/sim-and-dir.ts';

// This file stops its database, so it runs its own cluster; like the other PostgreSQL files it
// runs where a test database is set (CI), which is where the binaries are known to be.
const runs = testDatabaseUrl() !== undefined;

const post = (url: string, lead: object) =>
  fetch(`${url}/v1/leads`, {
    method: 'POST',
    body: JSON.stringify(lead),
    headers: { 'content-type': 'application/json', origin: ORIGIN },
  });

describe.skipIf(!runs)('a relay whose PostgreSQL goes down and comes back', () => {
  const current = useSimAndDir();
  let cluster: PrivateCluster;
  let relay: ChildRelay | undefined;
  beforeEach(async () => {
    cluster = await startPrivateCluster();
  });
  afterEach(async () => {
    if (relay?.child.exitCode === null) {
      relay.child.kill('SIGKILL');
      await relay.exited;
    }
    await cluster?.remove();
  });

  it('answers 503 while it is down, then accepts and delivers everything', async () => {
    current.sim.setConfig({ errorRate: 1 });
    relay = await startRelayCli(
      baseEnv({
        ELEAPI_API_URL: current.sim.url,
        RELAY_DATA_DIR: current.dir.path,
        RELAY_DATABASE_URL: cluster.url,
        RELAY_RATE_LIMIT: '1000',
        // Leads in flight when the database went down wait out their lease; keep it short.
        RELAY_LEASE_MS: '2000',
        LOG_LEVEL: 'info',
      }),
    );
    const url = relay.url;
    const before = Array.from({ length: 10 }, () => validLead());
    for (const lead of before) expect((await post(url, lead)).status).toBe(202);

    await cluster.stop();
    const refused = await post(url, validLead());
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await refused.json()).toMatchObject({ ok: false, error: 'unavailable' });
    expect((await fetch(`${url}/readyz`)).status).toBe(503);

    current.sim.setConfig({ errorRate: 0 });
    await cluster.start();
    await eventually(async () => (await fetch(`${url}/readyz`)).status === 200, 'ready again');
    const after = Array.from({ length: 5 }, () => validLead());
    for (const lead of after) expect((await post(url, lead)).status).toBe(202);

    const expected = new Set([...before, ...after].map((lead) => lead.uuid));
    const atEleapi = () => new Set(current.sim.received().map((r) => r.body.uuid));
    await eventually(
      () => atEleapi().size === expected.size,
      'every accepted lead at eleapi',
      30_000,
    );
    expect(atEleapi()).toEqual(expected);
  }, 90_000);
});
