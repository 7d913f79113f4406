// Where the outbox's write transactions run. On a worker thread (the default) the fsync of each
// commit never blocks the thread answering HTTP; inline is for tests and runtimes without threads.
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import type { CommitResult } from './group-commit.ts';
import { applyBatch, createOpRunner, type OpValue, type OutboxOp } from './ops.ts';
import { configureConnection } from './schema.ts';
import type { WriterReply, WriterRequest } from './worker.ts';

export interface OutboxWriter {
  commit(ops: OutboxOp[]): Promise<CommitResult<OpValue>[]>;
  close(): Promise<void>;
}

// From source (.ts) the worker needs a loader first; the build runs the compiled .js directly.
function workerScript(): { script: URL; entry: URL } {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url);
  const script = fromSource ? new URL('./worker-boot.mjs', import.meta.url) : entry;
  return { script, entry };
}

export type WriterMode = 'thread' | 'inline';

export function startOutboxWriter(file: string, mode: WriterMode = 'thread'): OutboxWriter {
  return mode === 'thread' ? startThreadWriter(file) : startInlineWriter(file);
}

function startInlineWriter(file: string): OutboxWriter {
  const db = new BetterSqlite3(file);
  configureConnection(db);
  const apply = createOpRunner(db);
  return {
    commit: async (ops) => applyBatch(db, apply, ops),
    close: async () => {
      db.close();
    },
  };
}

// One batch in flight at a time: the group commit queues the next one meanwhile.
function startThreadWriter(file: string): OutboxWriter {
  const { script, entry } = workerScript();
  const worker = new Worker(script, { workerData: { file, entry: entry.href } });
  let inFlight:
    | { resolve: (r: CommitResult<OpValue>[]) => void; reject: (e: Error) => void }
    | undefined;
  let stopped: Error | undefined;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));

  const fail = (error: Error) => {
    stopped ??= error;
    inFlight?.reject(error);
    inFlight = undefined;
  };
  worker.on('message', (reply: WriterReply) => {
    const waiting = inFlight;
    inFlight = undefined;
    if ('fatal' in reply) waiting?.reject(new Error(`outbox commit failed: ${reply.fatal}`));
    else waiting?.resolve(reply.results);
  });
  worker.on('error', (error) => fail(new Error(`the outbox writer stopped: ${error.message}`)));
  worker.on('exit', (code) => fail(new Error(`the outbox writer exited (${code})`)));

  return {
    commit(ops) {
      if (stopped) return Promise.reject(stopped);
      return new Promise((resolve, reject) => {
        inFlight = { resolve, reject };
        worker.postMessage({ ops } satisfies WriterRequest);
      });
    },
    async close() {
      if (!stopped) worker.postMessage({ close: true } satisfies WriterRequest);
      await exited;
    },
  };
}
