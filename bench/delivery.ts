// Delivery throughput: leads/s from a pre-filled outbox to the sim answering after 20 ms.
import { randomUUID } from 'node:crypto';
import { openOutbox } from '../src/relay/outbox/index.ts';
import { spawnServer, spawnSim } from './children.ts';

export interface DeliveryResult {
  concurrency: number;
  leads: number;
  leadsPerSecond: number;
}

async function prefill(dataDir: string, count: number): Promise<void> {
  const outbox = openOutbox(dataDir);
  const now = Date.now();
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      outbox.accept(
        { uuid: randomUUID(), botId: 'benchbot', customerId: 'benchcust', name: `Lead ${i}` },
        now,
      ),
    ),
  );
  await outbox.close();
}

async function pendingCount(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^eleapi_relay_outbox_pending (\S+)$/m.exec(text)?.[1] ?? Number.NaN);
}

export async function measureDelivery(
  dataDir: string,
  env: Record<string, string>,
  concurrency: number,
  leads: number,
): Promise<DeliveryResult> {
  await prefill(dataDir, leads);
  const sim = await spawnSim(['--latency-ms', '20', '--token', env.ELEAPI_TOKEN ?? '']);
  try {
    const relay = await spawnServer('bench/servers/relay-server.ts', {
      ...env,
      ELEAPI_API_URL: sim.url,
      RELAY_DATA_DIR: dataDir,
      RELAY_CONCURRENCY: String(concurrency),
    });
    // Timed from the first answer, so the child's start-up does not count.
    const started = performance.now();
    const atStart = await pendingCount(relay.url);
    while ((await pendingCount(relay.url)) > 0) await new Promise((r) => setTimeout(r, 25));
    const seconds = (performance.now() - started) / 1000;
    await relay.stop();
    return { concurrency, leads, leadsPerSecond: atStart / seconds };
  } finally {
    await sim.stop();
  }
}
