// `npm run bench`: bare node:http vs the relay under the same load, delivery throughput, the
// widget's size and the phone checks' agreement with libphonenumber, printed as tables. Servers
// run in child processes; autocannon runs here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BUNDLE_CEILING_GZIP_BYTES,
  BUNDLE_TARGET_GZIP_BYTES,
  bundleGzipBytes,
} from './bundle-size.ts';
import { spawnServer } from './children.ts';
import { measureDelivery } from './delivery.ts';
import { type LoadResult, load } from './load.ts';
import { phoneAgreementRows } from './phone-agreement.ts';
import { benchPostgres } from './postgres.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const DELIVERY_LEADS = Number(process.env.BENCH_DELIVERY_LEADS ?? 3000);

const relayEnv = {
  ELEAPI_TOKEN: 'bench-token',
  RELAY_ALLOWED_ORIGINS: 'https://bench.example.com',
  RELAY_ALLOWED_BOTS: 'benchbot:benchcust',
  RELAY_RATE_LIMIT: '100000000',
  LOG_LEVEL: 'info',
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

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'eleapi-bench-'));
  try {
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

    await benchPostgres(join(dataDir, 'stores'), relayEnv, SECONDS, DELIVERY_LEADS);

    const gzip = bundleGzipBytes();
    console.log(
      gzip === undefined
        ? '(d) widget bundle: dist/eleapi-leads.js not built (run npm run build:widget)'
        : `(d) widget bundle: ${fmt(gzip)} bytes gzip; ${fmt((gzip / BUNDLE_TARGET_GZIP_BYTES) * 100, 1)}% of the ${fmt(BUNDLE_TARGET_GZIP_BYTES)}-byte target, ${fmt((gzip / BUNDLE_CEILING_GZIP_BYTES) * 100, 1)}% of the ${fmt(BUNDLE_CEILING_GZIP_BYTES)}-byte ceiling`,
    );

    console.log('\nphone checks against libphonenumber-js (max metadata) as the judge:');
    console.table(phoneAgreementRows());
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
