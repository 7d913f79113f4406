// The main thread's side of the writer thread: one batch in flight at a time.
import { Worker } from 'node:worker_threads';
import type { CommitResult } from './group-commit.ts';
import type { OpValue, OutboxOp } from './outbox-ops.ts';
import type { WriterReply, WriterRequest } from './outbox-worker.ts';

export interface OutboxWriter {
  commit(ops: OutboxOp[]): Promise<CommitResult<OpValue>[]>;
  close(): Promise<void>;
}

// From source (.ts) the worker needs a loader first; the build runs the compiled .js directly.
function workerScript(): { script: URL; entry: URL } {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSource ? './outbox-worker.ts' : './outbox-worker.js', import.meta.url);
  const script = fromSource ? new URL('./outbox-worker-boot.mjs', import.meta.url) : entry;
  return { script, entry };
}

export function startOutboxWriter(file: string): OutboxWriter {
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
