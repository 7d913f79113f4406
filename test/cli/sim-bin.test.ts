import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function runSim(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const url = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then(() => reject(new Error(`exited before listening: ${stderr}`)));
  });
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}

describe('eleapi-sim bin', () => {
  it('prints its URL, serves seeded leads with the env token, and stops cleanly on SIGTERM', async () => {
    const sim = runSim(['--port', '0', '--seed', '3', '--seed-bot-id', 'b1'], {
      ELEAPI_SIM_TOKEN: 'env-token',
    });
    const url = await sim.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(
      `${url}/inbox/direct/chats?botId=b1&customerId=demo-customer&page=1&type=lead`,
      {
        headers: { 'x-bot-token': 'env-token' },
      },
    );
    expect((await res.json()).data).toHaveLength(3);
    sim.child.kill('SIGTERM');
    expect(await sim.exited).toBe(0);
    expect(sim.output().stdout).toContain('eleapi-sim stopped');
  });

  it('exits 2 with a message naming each bad flag', async () => {
    const sim = runSim(['--error-rate', '2', '--port', 'http']);
    sim.url.catch(() => undefined);
    expect(await sim.exited).toBe(2);
    expect(sim.output().stderr).toContain('--error-rate must be a number from 0 to 1 (got "2")');
    expect(sim.output().stderr).toContain('--port must be a port number');
  });

  it('exits 1 with a clear message when the port is taken', async () => {
    const first = runSim(['--port', '0']);
    const port = new URL(await first.url).port;
    const second = runSim(['--port', port]);
    second.url.catch(() => undefined);
    expect(await second.exited).toBe(1);
    expect(second.output().stderr).toContain('the port is already in use');
  });
});
