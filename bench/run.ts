// `npm run bench`: bare node:http vs the relay under the same load, delivery throughput, and the
// widget's size, printed as one table. Servers run in child processes; autocannon runs here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ALL_JS_BUDGET_GZIP_BYTES,
  bundleGzipBytes,
  LOADER_BUDGET_GZIP_BYTES,
} from './bundle-size.ts';
import { spawnServer } from './children.ts';
import { measureDelivery } from './delivery.ts';
import { type LoadResult, load } from './load.ts';
import { measureOutboxFile } from './outbox-file.ts';
import { benchPageCost } from './page-cost.ts';
import { benchPairLimit } from './pair-limit.ts';
import { phoneAgreementRows } from './phone-agreement.ts';
import { benchPostgres } from './postgres.ts';
import { benchPow } from './pow-table.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const DELIVERY_LEADS = Number(process.env.BENCH_DELIVERY_LEADS ?? 3000);
const OUTBOX_ROWS = Number(process.env.BENCH_OUTBOX_ROWS ?? 100_000);
const POW_RUNS = Number(process.env.BENCH_POW_RUNS ?? 12);
// BENCH_ONLY=load,outbox runs those parts alone (load, delivery, outbox, postgres, bundle, phone,
// pagecost, pow, pairlimit).
const only = process.env.BENCH_ONLY?.split(',');
const runs = (part: string) => !only || only.includes(part);

const relayEnv = {
  ELEAPI_TOKEN: 'bench-token',
  RELAY_ALLOWED_ORIGINS: 'https://bench.example.com',
  RELAY_ALLOWED_BOTS: 'benchbot:benchcust',
  RELAY_RATE_LIMIT: '100000000',
  LOG_LEVEL: 'info',
  // The delivery benches read the outbox gauges from /metrics, which is off without a token.
  RELAY_METRICS_PUBLIC: 'true',
};

async function measureServer(
  script: string,
  env: Record<string, string> = {},
): Promise<LoadResult> {
  const server = await spawnServer(script, env);
  try {
    return await load(server.url, SECONDS);
  } finally {
    await server.stop();
  }
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

async function benchLoad(dataDir: string): Promise<void> {
  console.log(
    `50 connections, ${SECONDS} s measured after a 2 s warm-up, 127.0.0.1, Node ${process.version}\n`,
  );
  const bare = await measureServer('bench/servers/bare-server.ts');
  const relay = await measureServer('bench/servers/relay-server.ts', {
    ...relayEnv,
    RELAY_DATA_DIR: join(dataDir, 'accept'),
    ELEAPI_API_URL: 'http://127.0.0.1:9',
    BENCH_DELIVER: '0',
  });
  const rows = [
    ['(a) bare node:http, 202', bare],
    ['(b) relay POST /v1/leads, durable', relay],
  ] as const;
  console.table(
    Object.fromEntries(
      rows.map(([name, r]) => [
        name,
        {
          'req/s': fmt(r.requestsPerSecond),
          'p50 ms': r.p50,
          'p99 ms': r.p99,
          'non-2xx': r.non2xx,
          errors: r.errors,
        },
      ]),
    ),
  );
  console.log(
    `relay / bare throughput: ${fmt(relay.requestsPerSecond / bare.requestsPerSecond, 2)}\n`,
  );
}

async function benchDelivery(dataDir: string): Promise<void> {
  const delivery = [];
  for (const concurrency of [16, 64]) {
    delivery.push(
      await measureDelivery(
        join(dataDir, `deliver-${concurrency}`),
        relayEnv,
        concurrency,
        DELIVERY_LEADS,
      ),
    );
  }
  console.table(
    Object.fromEntries(
      delivery.map((d) => [
        `(c) delivery, sim at 20 ms, concurrency ${d.concurrency}`,
        {
          leads: d.leads,
          'leads/s': fmt(d.leadsPerSecond),
          'ceiling leads/s': fmt((d.concurrency * 1000) / 20),
        },
      ]),
    ),
  );
}

async function benchOutboxFile(dataDir: string): Promise<void> {
  const r = await measureOutboxFile(join(dataDir, 'outbox-file'), OUTBOX_ROWS);
  const rows = `${fmt(r.rows)} pending rows, ${fmt(r.fileMiB, 1)} MiB`;
  console.table({
    [`(e) start-up integrity check (quick_check), ${rows}`]: {
      ms: fmt(r.integrityMs, 1),
      'vs reading every row': `${fmt(r.integrityMs / r.fullReadMs, 2)}x`,
    },
    '(e) opening the outbox (check + migrate + writer thread)': { ms: fmt(r.openMs, 1) },
    '(f) GET /v1/outbox?state=pending&limit=1000': {
      ms: fmt(r.listMs, 1),
      'vs 50 ms budget': `${fmt(r.listMs / 50, 2)}x`,
    },
    '(f) GET /v1/outbox?limit=1000 (all but delivered)': {
      ms: fmt(r.listOpenMs, 1),
      'vs 50 ms budget': `${fmt(r.listOpenMs / 50, 2)}x`,
    },
  });
}

function benchBundle(): void {
  const gzip = bundleGzipBytes();
  console.log(
    gzip?.all === undefined
      ? '(d) widget bundle: dist/eleapi-leads.js or its form chunk not built (run npm run build:widget)'
      : `(d) widget bundle: loader ${fmt(gzip.loader)} bytes gzip (budget ${fmt(LOADER_BUDGET_GZIP_BYTES)}), loader + form chunk ${fmt(gzip.chunk ?? 0)} + largest locale file ${fmt(Math.max(0, ...Object.values(gzip.locales)))} = ${fmt(gzip.all)} (budget ${fmt(ALL_JS_BUDGET_GZIP_BYTES)}); pieces, fetched only by a page that uses them: ${Object.entries(
          gzip.pieces,
        )
          .map(([name, bytes]) => `${name} ${fmt(bytes)}`)
          .join(', ')}`,
  );
}

function benchPhone(): void {
  console.log('\nphone checks against libphonenumber-js (max metadata) as the judge:');
  console.table(phoneAgreementRows());
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'eleapi-bench-'));
  try {
    if (runs('load')) await benchLoad(dataDir);
    if (runs('delivery')) await benchDelivery(dataDir);
    if (runs('outbox')) await benchOutboxFile(dataDir);
    if (runs('postgres')) {
      await benchPostgres(join(dataDir, 'stores'), relayEnv, SECONDS, DELIVERY_LEADS);
    }
    if (runs('bundle')) benchBundle();
    if (runs('phone')) benchPhone();
    if (runs('pagecost')) await benchPageCost();
    if (runs('pow')) await benchPow(POW_RUNS);
    if (runs('pairlimit')) await benchPairLimit(Math.max(2, SECONDS / 2));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
