// `npm run demo`: builds, then runs the stand-in eleapi API, the real relay and the demo bakery
// website on 127.0.0.1, and prints where they are. Ctrl-C stops everything; if one part dies,
// the rest is stopped and the demo exits non-zero.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_BOT, loadDemoConfig } from './demo-config.ts';
import { takenPorts } from './ports.ts';
import { type RunningChild, startChild, waitUntilReady } from './processes.ts';
import { type RunningDemoServer, startDemoServer } from './server.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const say = (line: string) => process.stdout.write(`${line}\n`);
const fail = (line: string) => process.stderr.write(`demo: ${line}\n`);

async function main(): Promise<number> {
  const loaded = loadDemoConfig(process.env);
  if (!loaded.ok) {
    fail(`cannot start:\n  - ${loaded.problems.join('\n  - ')}`);
    return 2;
  }
  const { host, ports, skipBuild, seed } = loaded.config;
  const taken = await takenPorts(
    [
      { name: 'demo website', port: ports.site, variable: 'DEMO_PORT' },
      { name: 'relay', port: ports.relay, variable: 'DEMO_RELAY_PORT' },
      { name: 'stand-in eleapi API', port: ports.sim, variable: 'DEMO_SIM_PORT' },
    ],
    host,
  );
  if (taken.length > 0) {
    fail(`cannot start:\n  - ${taken.join('\n  - ')}`);
    return 1;
  }
  if (!skipBuild) {
    say('demo: building the widget and the relay (npm run build)…');
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) {
      fail('the build failed, see above');
      return 1;
    }
  }

  const siteUrl = `http://${host}:${ports.site}`;
  const relayUrl = `http://${host}:${ports.relay}`;
  const simUrl = `http://${host}:${ports.sim}`;
  // Fresh secrets and a fresh outbox on every run: nothing the demo does outlives it.
  const simToken = randomBytes(24).toString('base64url');
  const adminToken = randomBytes(24).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'eleapi-demo-'));
  const children: RunningChild[] = [];
  let site: RunningDemoServer | undefined;
  let stopping = false;

  const stopAll = async (code: number): Promise<number> => {
    stopping = true;
    await site?.close();
    // The relay first, so its in-flight deliveries can still reach the stand-in API.
    for (const child of [...children].reverse()) await child.stop();
    rmSync(dataDir, { recursive: true, force: true });
    return code;
  };
  // Last resort if the runner itself goes down: never leave servers holding the ports.
  process.once('exit', () => {
    for (const child of children) if (child.pid && child.isRunning()) tryKill(child.pid);
  });

  const start = (name: string, script: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
    const child = startChild({
      name,
      command: process.execPath,
      args: [join(ROOT, script), ...args],
      env: { ...process.env, ...env },
      write: say,
    });
    children.push(child);
    return child;
  };

  const finished = new Promise<number>((resolve) => {
    const onSignal = () => {
      if (stopping) return;
      say('\ndemo: stopping…');
      void stopAll(0).then(resolve);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);

    const run = async () => {
      const sim = start('sim', 'dist/node/cli/sim.js', [
        // `=` form: a base64url token may start with "-", which a separate argument reads as a flag.
        ...['--port', String(ports.sim), '--host', host, `--token=${simToken}`],
        ...['--seed', String(seed), '--seed-bot-id', DEMO_BOT.botId],
        ...['--seed-customer-id', DEMO_BOT.customerId],
      ]);
      watch(sim);
      await waitUntilReady(sim, `${simUrl}/_sim/config`);
      const relay = start('relay', 'dist/node/cli/relay.js', [], {
        ELEAPI_API_URL: simUrl,
        ELEAPI_TOKEN: simToken,
        ELEAPI_LIST_TOKEN: simToken,
        RELAY_ALLOWED_ORIGINS: `${siteUrl},http://localhost:${ports.site}`,
        RELAY_ALLOWED_BOTS: `${DEMO_BOT.botId}:${DEMO_BOT.customerId}`,
        RELAY_ADMIN_TOKEN: adminToken,
        RELAY_DATA_DIR: dataDir,
        PORT: String(ports.relay),
        HOST: host,
        // Short backoff and few attempts so retries and dead letters show within a minute.
        RELAY_BACKOFF_CAP_MS: process.env.RELAY_BACKOFF_CAP_MS ?? '10000',
        RELAY_MAX_ATTEMPTS: process.env.RELAY_MAX_ATTEMPTS ?? '10',
      });
      watch(relay);
      await waitUntilReady(relay, `${relayUrl}/readyz`);
      site = await startDemoServer({ relayUrl, adminToken, simUrl }, { port: ports.site, host });
      say(banner(siteUrl, relayUrl, simUrl, dataDir));
    };

    const watch = (child: RunningChild) => {
      void child.exited.then((exit) => {
        if (stopping) return;
        const how = exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
        const why = child.lastErrors().slice(-5).join('\n    ');
        fail(
          `the ${child.name} stopped unexpectedly (${how}); stopping the demo${why ? `:\n    ${why}` : ''}`,
        );
        void stopAll(1).then(resolve);
      });
    };

    run().catch((error: unknown) => {
      if (stopping) return;
      fail(error instanceof Error ? error.message : String(error));
      void stopAll(1).then(resolve);
    });
  });
  return finished;
}

function tryKill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function banner(site: string, relay: string, sim: string, dataDir: string): string {
  return [
    '',
    'eleapi-leads demo is running (Hearth & Crumb, a made-up bakery):',
    `  website, floating form   ${site}/`,
    `  inline form              ${site}/inline.html`,
    `  Spanish / Arabic (RTL)   ${site}/es.html   ${site}/ar.html`,
    `  questions + data layer   ${site}/catering.html   (accent colour, consent)`,
    `  opens on exit intent     ${site}/exit.html`,
    `  strict CSP page          ${site}/csp.html`,
    `  captured leads (owner)   ${site}/leads.html`,
    `  relay                    ${relay}   (/healthz, /readyz, /metrics)`,
    `  stand-in eleapi API      ${sim}   (switches: the page's "upstream" button or /_sim/config)`,
    `  relay outbox database    ${dataDir}`,
    'Press Ctrl-C to stop.',
  ].join('\n');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    fail(String(error));
    process.exit(1);
  },
);
