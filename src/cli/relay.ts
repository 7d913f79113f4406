#!/usr/bin/env node
// `eleapi-relay`: the relay on Node, configured from the environment (docs/contract.md §6);
// `eleapi-relay export ...` writes the eleapi listing to stdout instead;
// `eleapi-relay migrate-outbox --to URL` copies a SQLite outbox into PostgreSQL.
import { ConfigError, loadConfig } from '../relay/config.ts';
import { startRelayServer } from '../relay/node-server.ts';
import { SitesFileError } from '../relay/sites/index.ts';
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
  let running: Awaited<ReturnType<typeof startRelayServer>>;
  try {
    running = await startRelayServer(config);
  } catch (error) {
    // A broken sites file (or a site's proof of work without a secret) stops start-up clearly.
    if (!(error instanceof ConfigError || error instanceof SitesFileError)) throw error;
    process.stderr.write(`eleapi-relay: ${error.message}\n`);
    return 2;
  }
  // SIGHUP re-reads RELAY_SITES_FILE; a bad file is logged and the sites in force stay.
  const reload = () => running.relay.reloadSites();
  process.on('SIGHUP', reload);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  process.off('SIGHUP', reload);
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
