// The outbox's writer thread: applies each batch of writes in one transaction, so the fsync
// that makes them durable (synchronous=FULL) never blocks the thread answering HTTP.
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { applyBatch, createOpRunner, type OpResult, type OutboxOp } from './ops.ts';
import { configureConnection } from './schema.ts';

export type WriterRequest = { ops: OutboxOp[] } | { close: true };
export type WriterReply = { results: OpResult[] } | { fatal: string };

const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread');
const db = new BetterSqlite3((workerData as { file: string }).file);
configureConnection(db);
const apply = createOpRunner(db);

port.on('message', (message: WriterRequest) => {
  if ('close' in message) {
    db.close();
    port.close();
    return;
  }
  let results: OpResult[];
  try {
    results = applyBatch(db, apply, message.ops);
  } catch (error) {
    port.postMessage({ fatal: (error as Error).message } satisfies WriterReply);
    return;
  }
  port.postMessage({ results } satisfies WriterReply);
});
