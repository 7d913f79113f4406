// Child processes of the demo (stand-in API, relay): spawned in their own process group so a
// terminal Ctrl-C reaches only the demo runner, which then stops them in order.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Where prefixed output lines go. */
  write: (line: string) => void;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningChild {
  name: string;
  pid: number | undefined;
  /** Settles when the process has exited, for whatever reason. */
  exited: Promise<Exit>;
  isRunning(): boolean;
  /** The last lines it wrote to stderr, to explain a crash. */
  lastErrors(): string[];
  /** SIGTERM, then SIGKILL after graceMs. */
  stop(graceMs?: number): Promise<Exit>;
}

export function startChild(spec: ChildSpec): RunningChild {
  const child: ChildProcess = spawn(spec.command, spec.args, {
    env: spec.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const errors: string[] = [];
  let exit: Exit | undefined;
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
    child.once('error', (error) => {
      errors.push(error.message);
      exit = { code: 127, signal: null };
      resolve(exit);
    });
  });
  if (child.stdout) {
    createInterface({ input: child.stdout }).on('line', (line) =>
      spec.write(`[${spec.name}] ${line}`),
    );
  }
  if (child.stderr) {
    createInterface({ input: child.stderr }).on('line', (line) => {
      errors.push(line);
      if (errors.length > 20) errors.shift();
      spec.write(`[${spec.name}] ${line}`);
    });
  }
  return {
    name: spec.name,
    pid: child.pid,
    exited,
    isRunning: () => exit === undefined,
    lastErrors: () => [...errors],
    async stop(graceMs = 8_000) {
      if (exit) return exit;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

/** Polls `url` until it answers 2xx; rejects if the child exits first or time runs out. */
export async function waitUntilReady(
  child: RunningChild,
  url: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let died = false;
  void child.exited.then(() => {
    died = true;
  });
  while (!died) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline)
      throw new Error(`${child.name} was not ready at ${url} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${child.name} exited while starting`);
}
