#!/usr/bin/env node
// `eleapi-relay`: the relay on Node, configured from the environment (docs/contract.md §6);
// `eleapi-relay export ...` writes the eleapi listing to stdout instead;
// `eleapi-relay migrate-outbox --to URL` copies a SQLite outbox into PostgreSQL.
import { ConfigError, loadConfig } from '../relay/config.ts';
import { startRelayServer } from '../relay/node-server.ts';
import { runMain } from './run-main.ts';

async function serveRelay(): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`eleapi-relay: ${error.message}\n`);
    return 2;
  }
  const running = await startRelayServer(config);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  running.relay.logger.info('shutting down: finishing deliveries in flight');
  await running.close();
  return 0;
}

async function main(): Promise<number> {
  if (process.argv[2] === 'export') {
    const { runExport } = await import('./export.ts');
    return runExport(process.argv.slice(3), process.env, {
      stdout: process.stdout,
      stderr: process.stderr,
    });
  }
  if (process.argv[2] === 'migrate-outbox') {
    const { runMigrateOutbox } = await import('./migrate-outbox.ts');
    return runMigrateOutbox(process.argv.slice(3), process.env, {
      stdout: process.stdout,
      stderr: process.stderr,
    });
  }
  return serveRelay();
}

runMain('eleapi-relay', main, 'set PORT to another');
