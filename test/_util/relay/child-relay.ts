// The real relay CLI as a child process (`node --import tsx src/cli/relay.ts`), as an operator runs it.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ChildRelay {
  child: ChildProcess;
  url: string;
  /** Everything written to stdout (JSON log lines) and stderr so far. */
  output(): string;
  exited: Promise<number | null>;
}

export function runRelayCli(
  env: Record<string, string>,
  args: string[] = [],
): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/relay.ts', ...args], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Starts the relay CLI and resolves once it logged the address it listens on. */
export async function startRelayCli(env: Record<string, string>): Promise<ChildRelay> {
  const run = runRelayCli({ PORT: '0', LOG_LEVEL: 'info', ...env });
  const lines = createInterface({ input: run.child.stdout as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line.includes('"relay listening"')) resolve(JSON.parse(line).url);
    });
    run.exited.then(() => reject(new Error(`relay exited before listening:\n${run.output()}`)));
  });
  return { ...run, url };
}

/** For afterEach: SIGKILLs a relay a test left running, and waits for it to exit. */
export async function killIfRunning(relay: ChildRelay | undefined): Promise<void> {
  if (relay?.child.exitCode !== null || relay.child.signalCode !== null) return;
  relay.child.kill('SIGKILL');
  await relay.exited;
}
