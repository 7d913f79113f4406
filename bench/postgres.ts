// The shared PostgreSQL outbox next to SQLite, with 1 and 3 relay processes: accept throughput
// (autocannon spread over the relays) and delivery throughput (a pre-filled outbox drained to
// the sim answering after 20 ms). The database is RELAY_TEST_DATABASE_URL or a throwaway cluster.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { openOutbox } from '../src/relay/outbox/index.ts';
import type { Outbox } from '../src/relay/outbox/outbox.ts';
import { openPostgresOutbox } from '../src/relay/outbox/postgres-outbox.ts';
import { createPostgresPool } from '../src/relay/outbox/postgres-pool.ts';
import { benchDatabase, freshDatabase } from './bench-database.ts';
import { type Child, spawnServer, spawnSim } from './children.ts';
import { type LoadResult, loadSpread } from './load.ts';
import { measureLimiters } from './rate-limit.ts';

export interface StoreRun {
  store: 'SQLite' | 'PostgreSQL';
  processes: number;
  accept: LoadResult;
  deliveryLeadsPerSecond: number;
}

async function spawnRelays(count: number, env: (i: number) => Record<string, string>) {
  return Promise.all(
    Array.from({ length: count }, (_, i) => spawnServer('bench/servers/relay-server.ts', env(i))),
  );
}

async function stopAll(children: Child[]): Promise<void> {
  await Promise.all(children.map((c) => c.stop()));
}

async function prefill(outbox: Outbox, count: number): Promise<void> {
  const now = Date.now();
  for (let i = 0; i < count; i += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, count - i) }, (_, j) =>
        outbox.accept(
          { uuid: randomUUID(), botId: 'benchbot', customerId: 'benchcust', name: `Lead ${i + j}` },
          now,
        ),
      ),
    );
  }
  await outbox.close();
}

async function pendingAt(urls: string[]): Promise<number> {
  // Every relay's own SQLite file, or the one shared table: sum for SQLite, any one for PostgreSQL.
  const counts = await Promise.all(
    urls.map(async (url) => {
      const text = await (await fetch(`${url}/metrics`)).text();
      const pending = Number(/^eleapi_relay_outbox_pending (\S+)$/m.exec(text)?.[1]);
      if (!Number.isFinite(pending)) throw new Error(`no outbox gauge at ${url}/metrics`);
      return pending;
    }),
  );
  return counts.reduce((sum, n) => sum + n, 0);
}

export async function measureStores(options: {
  databaseUrl: string;
  dataDir: string;
  env: Record<string, string>;
  seconds: number;
  leads: number;
}): Promise<StoreRun[]> {
  const runs: StoreRun[] = [];
  let round = 0;
  for (const store of ['SQLite', 'PostgreSQL'] as const) {
    for (const processes of [1, 3]) {
      round++;
      // A fresh database (or data folders) per run, so runs do not inherit each other's rows.
      const db =
        store === 'PostgreSQL' ? await freshDatabase(options.databaseUrl, round) : undefined;
      const dir = (phase: string, i: number) =>
        join(options.dataDir, `${store}-${processes}-${phase}-${i}`);
      const storeEnv = (phase: string, i: number) =>
        db
          ? { RELAY_DATABASE_URL: db.url, RELAY_DB_POOL: '10' }
          : { RELAY_DATA_DIR: dir(phase, i) };

      const acceptors = await spawnRelays(processes, (i) => ({
        ...options.env,
        ...storeEnv('accept', i),
        ELEAPI_API_URL: 'http://127.0.0.1:9',
        BENCH_DELIVER: '0',
      }));
      const accept = await loadSpread(
        acceptors.map((c) => c.url),
        options.seconds,
      ).finally(() => stopAll(acceptors));

      if (db) await db.reset();
      // Delivery: the same number of leads in all, split over the relays' outboxes for SQLite.
      for (let i = 0; i < (db ? 1 : processes); i++) {
        const outbox = db
          ? await openPostgresOutbox({ pool: createPostgresPool({ url: db.url, max: 10 }) })
          : openOutbox(dir('deliver', i));
        await prefill(outbox, db ? options.leads : Math.ceil(options.leads / processes));
      }
      const sim = await spawnSim(['--latency-ms', '20', '--token', options.env.ELEAPI_TOKEN ?? '']);
      try {
        const senders = await spawnRelays(processes, (i) => ({
          ...options.env,
          ...storeEnv('deliver', i),
          ELEAPI_API_URL: sim.url,
          RELAY_CONCURRENCY: '16',
        }));
        const urls = senders.map((c) => c.url);
        const started = performance.now();
        const atStart = db ? await pendingAt(urls.slice(0, 1)) : await pendingAt(urls);
        while ((db ? await pendingAt(urls.slice(0, 1)) : await pendingAt(urls)) > 0) {
          await new Promise((r) => setTimeout(r, 25));
        }
        const seconds = (performance.now() - started) / 1000;
        await stopAll(senders);
        runs.push({ store, processes, accept, deliveryLeadsPerSecond: atStart / seconds });
      } finally {
        await sim.stop();
        await db?.drop();
      }
    }
  }
  return runs;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

/** (g) the stores side by side, 1 and 3 relays; (h) the shared rate limit's two candidates. */
export async function benchPostgres(
  dataDir: string,
  relayEnv: Record<string, string>,
  seconds: number,
  leads: number,
): Promise<void> {
  const database = await benchDatabase();
  if ('reason' in database) {
    console.log(`(g) PostgreSQL vs SQLite: skipped, ${database.reason}\n`);
    return;
  }
  try {
    const runs = await measureStores({
      databaseUrl: database.url,
      dataDir,
      env: relayEnv,
      seconds,
      leads,
    });
    const base = runs.find((r) => r.store === 'SQLite' && r.processes === 1);
    console.table(
      Object.fromEntries(
        runs.map((r) => [
          `(g) ${r.store}, ${r.processes} relay${r.processes > 1 ? 's' : ''}`,
          {
            'accept req/s': fmt(r.accept.requestsPerSecond),
            'vs SQLite×1': fmt(
              r.accept.requestsPerSecond / (base?.accept.requestsPerSecond ?? 1),
              2,
            ),
            'p99 ms': r.accept.p99,
            'non-2xx': r.accept.non2xx,
            'delivery leads/s': fmt(r.deliveryLeadsPerSecond),
            'delivery vs SQLite×1': fmt(
              r.deliveryLeadsPerSecond / (base?.deliveryLeadsPerSecond ?? 1),
              2,
            ),
          },
        ]),
      ),
    );
    console.log('3 SQLite relays each own a file; 3 PostgreSQL relays share one outbox.\n');
    const limiters = await measureLimiters(database.url, Math.max(2, seconds / 2));
    console.table(
      Object.fromEntries(
        limiters.map((l) => [
          `(h) ${l.name}, ${l.connections} connections`,
          { 'checks/s': fmt(l.checksPerSecond) },
        ]),
      ),
    );
  } finally {
    await database.done();
  }
}
