// Several relay processes (the real CLI) on one PostgreSQL database: a relay killed while it
// holds leases loses nothing, and the rate limit is one limit across relays.
import pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { OUTBOX_TABLE } from '../../src/relay/outbox/postgres-schema.ts';
import { describePostgres } from '../_util/postgres.ts';
import { createTestDatabase, type TestDatabase } from '../_util/postgres-database.ts';
import { type ChildRelay, startRelayCli } from './support/child-relay.ts';
import { baseEnv, eventually, ORIGIN, validLead } from './support/fixtures.ts';
import { useSimAndDir } from './support/sim-and-dir.ts';

async function post(url: string, lead: object): Promise<number> {
  const response = await fetch(`${url}/v1/leads`, {
    method: 'POST',
    body: JSON.stringify(lead),
    headers: { 'content-type': 'application/json', origin: ORIGIN },
  });
  return response.status;
}

describePostgres('relays sharing one PostgreSQL outbox', (baseUrl) => {
  const current = useSimAndDir();
  let database: TestDatabase;
  let db: pg.Client;
  let relays: ChildRelay[] = [];
  beforeEach(async () => {
    database = await createTestDatabase(baseUrl, 'relays');
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
  });
  afterEach(async () => {
    for (const relay of relays.splice(0)) {
      if (relay.child.exitCode === null && relay.child.signalCode === null) {
        relay.child.kill('SIGKILL');
        await relay.exited;
      }
    }
    await db.end();
    await database.drop();
  });

  const env = (instance: string, extra: Record<string, string> = {}) =>
    baseEnv({
      ELEAPI_API_URL: current.sim.url,
      RELAY_DATA_DIR: current.dir.path,
      RELAY_DATABASE_URL: database.url,
      RELAY_DB_POOL: '4',
      RELAY_INSTANCE_ID: instance,
      LOG_LEVEL: 'info',
      ...extra,
    });
  const count = async (where: string, params: unknown[] = []) =>
    Number(
      (await db.query(`SELECT count(*) AS n FROM ${OUTBOX_TABLE} WHERE ${where}`, params)).rows[0]
        .n,
    );

  it('delivers every lead when a relay holding leases is SIGKILLed', async () => {
    // Slow answers keep leases held long enough to kill a relay in the middle of them.
    current.sim.setConfig({ latencyMs: 1_500 });
    const extra = { RELAY_LEASE_MS: '2000', RELAY_RATE_LIMIT: '100000' };
    // Started together on an empty database: three migrations at once.
    relays = await Promise.all(
      ['relay-a', 'relay-b', 'relay-c'].map((id) => startRelayCli(env(id, extra))),
    );
    const [a] = relays as [ChildRelay, ChildRelay, ChildRelay];
    // Every lead goes to relay a: the idle relays b and c learn of them only by polling.
    const leads = Array.from({ length: 60 }, () => validLead());
    const statuses = await Promise.all(leads.map((lead) => post(a.url, lead)));
    expect(statuses).toEqual(leads.map(() => 202));
    await eventually(
      async () => (await count(`lease_owner = 'relay-a' AND state = 'pending'`)) > 0,
      'relay a holding leases',
    );
    a.child.kill('SIGKILL');
    await a.exited;

    const uuids = new Set(leads.map((lead) => lead.uuid));
    const atEleapi = () => new Set(current.sim.received().map((r) => r.body.uuid));
    await eventually(() => atEleapi().size === uuids.size, 'every lead at eleapi', 60_000);
    expect(atEleapi()).toEqual(uuids);
    await eventually(
      async () => (await count(`state = 'delivered'`)) === uuids.size,
      'every lead recorded as delivered',
    );
    expect(await count(`state <> 'delivered'`)).toBe(0);
  }, 120_000);

  it('allows RELAY_RATE_LIMIT submissions per address across two relays, not per relay', async () => {
    relays = await Promise.all(
      ['relay-a', 'relay-b'].map((id) => startRelayCli(env(id, { RELAY_RATE_LIMIT: '4' }))),
    );
    const [a, b] = relays as [ChildRelay, ChildRelay];
    const statuses: number[] = [];
    // One client (127.0.0.1) alternating between the two relays, as behind a load balancer.
    for (let i = 0; i < 8; i++) statuses.push(await post(i % 2 ? b.url : a.url, validLead()));
    expect(statuses.filter((s) => s === 202)).toHaveLength(4);
    expect(statuses.slice(4)).toEqual([429, 429, 429, 429]);
  }, 30_000);

  it('shows the shared outbox from every relay, in the admin listing and the metrics', async () => {
    current.sim.setConfig({ errorRate: 1 });
    relays = await Promise.all(['relay-a', 'relay-b'].map((id) => startRelayCli(env(id))));
    const [a, b] = relays as [ChildRelay, ChildRelay];
    expect(await post(a.url, validLead())).toBe(202);
    expect(await post(a.url, validLead())).toBe(202);
    const headers = { authorization: `Bearer ${baseEnv().RELAY_ADMIN_TOKEN}` };
    for (const relay of [a, b]) {
      const metrics = await (await fetch(`${relay.url}/metrics`, { headers })).text();
      expect(metrics).toMatch(/^eleapi_relay_outbox_pending 2$/m);
      const listing = await fetch(`${relay.url}/v1/outbox`, { headers });
      expect(((await listing.json()) as { rows: unknown[] }).rows).toHaveLength(2);
    }
  }, 30_000);
});
