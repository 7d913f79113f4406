// Servers under test run in child processes, so the load generator never shares their CPU.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface Child {
  url: string;
  stop(): Promise<void>;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

// BENCH_NODE_ARGS="--cpu-prof" profiles the servers under test (Node refuses it in NODE_OPTIONS).
const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];

/** Spawns a bench server script that sends `{ url }` over IPC once it listens. */
export function spawnServer(script: string, env: Record<string, string> = {}): Promise<Child> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) =>
      resolve({ url: (message as { url: string }).url, stop: stopper(child) }),
    );
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before listening`)));
  });
}

/** Spawns the eleapi-sim CLI and reads its URL from the line it prints. */
export function spawnSim(args: string[]): Promise<Child> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/sim.ts', '--port', '0', ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  return new Promise((resolve, reject) => {
    lines.on('line', (line) => {
      const url = /listening on (http:\/\/\S+)/.exec(line)?.[1];
      if (url) resolve({ url, stop: stopper(child) });
    });
    child.once('exit', (code) => reject(new Error(`eleapi-sim exited (${code}) before listening`)));
  });
}
