#!/usr/bin/env node
// `eleapi-sim`: the stand-in eleapi API on localhost, for the demo, tests and trying retries.
import { serveSim } from '../sim/serve-sim.ts';
import { parseSimCli, SIM_USAGE } from '../sim/sim-cli-options.ts';
import { runMain } from './run-main.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

async function main(): Promise<number> {
  const parsed = parseSimCli(process.argv.slice(2), process.env);
  if (!parsed.ok) {
    process.stderr.write(`eleapi-sim: ${parsed.problems.join('\n  ')}\n\n${SIM_USAGE}\n`);
    return 2;
  }
  const { options } = parsed;
  if (options.help) {
    process.stdout.write(`${SIM_USAGE}\n`);
    return 0;
  }
  if (!LOOPBACK.has(options.host)) {
    process.stderr.write(
      `eleapi-sim: warning: listening on ${options.host}; the sim has no real auth on /_sim/ and must never face the internet\n`,
    );
  }
  const sim = await serveSim(options.sim, { port: options.port, host: options.host });
  const seeded = options.sim.seed ? `, ${options.sim.seed.count} demo leads` : '';
  process.stdout.write(
    `eleapi-sim listening on ${sim.url} (token "${tokenHint(options.sim.token)}"${seeded})\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await sim.close();
  process.stdout.write('eleapi-sim stopped\n');
  return 0;
}

// The default token is public; a custom one is not echoed back in full.
function tokenHint(token: string | undefined): string {
  if (token === undefined || token === 'sim-token') return 'sim-token';
  return `${token.slice(0, 2)}…`;
}

runMain('eleapi-sim', main, 'pick another with --port');
