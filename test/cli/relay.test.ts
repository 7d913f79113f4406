// The relay as a real process: crash safety, graceful shutdown, start-up errors.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { OUTBOX_FILE } from '../../src/relay/outbox/index.ts';
import {
  type ChildRelay,
  killIfRunning,
  runRelayCli,
  startRelayCli,
} from '../_util/relay/child-relay.ts';
import { baseEnv, eventually, ORIGIN, TOKEN, validLead } from '../_util/relay/fixtures.ts';
import { useSimAndDir } from '../_util/relay/sim-and-dir.ts';

const current = useSimAndDir();
let relay: ChildRelay | undefined;
afterEach(() => killIfRunning(relay));

const env = (extra: Record<string, string> = {}) =>
  baseEnv({
    ELEAPI_API_URL: current.sim.url,
    RELAY_DATA_DIR: current.dir.path,
    RELAY_RATE_LIMIT: '1000',
    ...extra,
  });

async function postAll(url: string, count: number): Promise<string[]> {
  const leads = Array.from({ length: count }, () => validLead());
  const statuses = await Promise.all(
    leads.map(async (lead) => {
      const body = JSON.stringify(lead);
      const response = await fetch(`${url}/v1/leads`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', origin: ORIGIN },
      });
      return response.status;
    }),
  );
  expect(statuses).toEqual(leads.map(() => 202));
  return leads.map((lead) => lead.uuid);
}

describe('eleapi-relay process', () => {
  it('loses no accepted lead when killed with SIGKILL while eleapi is down', async () => {
    current.sim.setConfig({ errorRate: 1 });
    // Room for many quick retries: no lead may be dead-lettered before the kill. Leads in flight
    // at the kill are leased to the dead process: a short lease lets the next one take them.
    const outage = { RELAY_MAX_ATTEMPTS: '1000', RELAY_LEASE_MS: '1000' };
    relay = await startRelayCli(env(outage));
    const uuids = await postAll(relay.url, 25);
    relay.child.kill('SIGKILL');
    expect(await relay.exited).toBeNull();
    expect(current.sim.received()).toEqual([]);

    current.sim.setConfig({ errorRate: 0 });
    relay = await startRelayCli(env(outage));
    // At least once: a request the killed relay had already sent may also arrive (an upsert).
    const delivered = () => new Set(current.sim.received().map((r) => r.body.uuid));
    await eventually(
      () => delivered().size === uuids.length,
      'every accepted lead at eleapi',
      15_000,
    );
    expect(delivered()).toEqual(new Set(uuids));
  });

  it('finishes deliveries in flight on SIGTERM, records them, then exits 0', async () => {
    // An upstream that shows when each request arrives, and answers 400 ms later.
    const arrived: string[] = [];
    const slow = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        arrived.push(JSON.parse(body).uuid);
        setTimeout(() => res.end('{"success":true,"message":"ok","code":200}'), 400);
      });
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
    relay = await startRelayCli(env({ ELEAPI_API_URL: slowUrl }));
    const uuids = await postAll(relay.url, 3);
    await eventually(() => arrived.length === 3, 'three deliveries in flight');
    relay.child.kill('SIGTERM');
    expect(await relay.exited).toBe(0);
    slow.close();
    expect(relay.output()).toContain('shutting down');
    const db = new BetterSqlite3(join(current.dir.path, OUTBOX_FILE), { readonly: true });
    const rows = db.prepare('SELECT uuid, state FROM outbox ORDER BY uuid').all();
    db.close();
    expect(rows).toEqual([...uuids].sort().map((uuid) => ({ uuid, state: 'delivered' })));
  });

  it('refuses to start, naming every bad variable, when the environment is wrong', async () => {
    const run = runRelayCli({
      RELAY_DATA_DIR: current.dir.path,
      RELAY_ALLOWED_BOTS: 'nopair',
      PORT: 'x',
    });
    expect(await run.exited).toBe(2);
    const text = run.output();
    expect(text).toContain('ELEAPI_TOKEN is required');
    expect(text).toContain('RELAY_ALLOWED_ORIGINS is required');
    expect(text).toContain('RELAY_ALLOWED_BOTS must be a comma list of botId:customerId pairs');
    expect(text).toContain('PORT must be a whole number');
  });

  it('hands "export" to the export command instead of starting the relay', async () => {
    const run = runRelayCli({ ELEAPI_TOKEN: TOKEN, ELEAPI_API_URL: current.sim.url }, ['export']);
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('Usage: eleapi-relay export');
    expect(run.output()).not.toContain('relay listening');
  });
});
