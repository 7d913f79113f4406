// The outbox on a large file: the integrity check start-up runs, and the admin listing, over
// 100k pending rows. The check is shown next to a plain full read of the same rows.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { OUTBOX_FILE, openOutbox } from '../src/relay/outbox/index.ts';
import { checkIntegrity } from '../src/relay/outbox/integrity.ts';

export interface OutboxFileResult {
  rows: number;
  fileMiB: number;
  integrityMs: number;
  fullReadMs: number;
  openMs: number;
  listMs: number;
  listOpenMs: number;
}

const BATCH = 5000;

async function fill(dataDir: string, rows: number): Promise<void> {
  const outbox = openOutbox(dataDir);
  const now = Date.now();
  for (let done = 0; done < rows; done += BATCH) {
    await Promise.all(
      Array.from({ length: Math.min(BATCH, rows - done) }, (_, i) =>
        outbox.accept(
          {
            uuid: randomUUID(),
            botId: 'benchbot',
            customerId: 'benchcust',
            name: `Lead ${done + i}`,
            email: `lead${done + i}@example.com`,
            notes: [{ title: 'Message', description: 'Interested in the spring offer.' }],
          },
          now + done + i,
        ),
      ),
    );
  }
  await outbox.close();
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function timed(runs: number, work: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

export async function measureOutboxFile(dataDir: string, rows: number): Promise<OutboxFileResult> {
  await fill(dataDir, rows);
  const file = join(dataDir, OUTBOX_FILE);
  const db = new BetterSqlite3(file, { readonly: true });
  const fileMiB = ((db.pragma('page_count', { simple: true }) as number) * 4096) / 2 ** 20;
  const integrityMs = timed(3, () => checkIntegrity(db, file));
  const fullReadMs = timed(3, () => db.prepare('SELECT * FROM outbox').all());
  db.close();

  let opened = performance.now();
  const outbox = openOutbox(dataDir);
  const openMs = performance.now() - opened;
  const samples: number[] = [];
  const openSamples: number[] = [];
  for (let i = 0; i < 7; i++) {
    opened = performance.now();
    await outbox.list('pending', 1000);
    samples.push(performance.now() - opened);
    opened = performance.now();
    await outbox.list(undefined, 1000);
    openSamples.push(performance.now() - opened);
  }
  await outbox.close();
  return {
    rows,
    fileMiB,
    integrityMs,
    fullReadMs,
    openMs,
    listMs: median(samples),
    listOpenMs: median(openSamples),
  };
}
