// Everything a browser test talks to, for real, on 127.0.0.1 and free ports: the stand-in
// eleapi API, the relay (createRelay on Node's HTTP server, real SQLite outbox in a temp
// folder) and a page server with the widget and the messenger stand-in.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { loadConfig } from '../../src/relay/config.ts';
import { type RunningRelay, startRelayServer } from '../../src/relay/node-server.ts';
import { launchBrowser } from './browser.ts';
import { type PageServer, startPageServer } from './page-server.ts';
import { type StartedSim, startSim } from './sim/start-sim.ts';
import { TEST_BOT } from './test-pages.ts';

export interface Stack {
  sim: StartedSim;
  pages: PageServer;
  relay: RunningRelay;
  /** ELEAPI_TOKEN of the relay (and the sim's token): must never reach a browser. */
  eleapiToken: string;
  adminToken: string;
  dataDir: string;
  /** Stops the relay, keeping its outbox, so a test can bring it back with restartRelay(). */
  stopRelay(): Promise<void>;
  /** Starts the relay again on the same port and outbox folder (`changes` to its environment). */
  restartRelay(changes?: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

export async function startStack(relayEnv: Record<string, string> = {}): Promise<Stack> {
  // Distinctive, so finding it anywhere in a page's responses cannot be a coincidence.
  const eleapiToken = `eleapi-secret-${randomBytes(16).toString('hex')}`;
  const adminToken = `admin-${randomBytes(16).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'eleapi-e2e-'));
  const sim = await startSim({ token: eleapiToken });
  const pages = await startPageServer();
  const env = (port: number) => ({
    ELEAPI_API_URL: sim.url,
    ELEAPI_TOKEN: eleapiToken,
    RELAY_ALLOWED_ORIGINS: pages.url,
    RELAY_ALLOWED_BOTS: `${TEST_BOT.botId}:${TEST_BOT.customerId}`,
    RELAY_ADMIN_TOKEN: adminToken,
    RELAY_DATA_DIR: dataDir,
    RELAY_RATE_LIMIT: '1000',
    RELAY_BACKOFF_BASE_MS: '50',
    RELAY_BACKOFF_CAP_MS: '500',
    LOG_LEVEL: 'error',
    HOST: '127.0.0.1',
    PORT: String(port),
    ...relayEnv,
  });
  let relay = await startRelayServer(loadConfig(env(0)));
  const port = Number(new URL(relay.url).port);
  let stopped = false;

  return {
    sim,
    pages,
    get relay() {
      return relay;
    },
    eleapiToken,
    adminToken,
    dataDir,
    async stopRelay() {
      stopped = true;
      await relay.close();
    },
    async restartRelay(changes = {}) {
      relay = await startRelayServer(loadConfig({ ...env(port), ...changes }));
      stopped = false;
    },
    async close() {
      if (!stopped) await relay.close();
      await pages.close();
      await sim.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface BrowserSuite {
  browser: Browser;
  stack: Stack;
}

/**
 * Registers a test file's hooks: one Chromium and one stack (relay env overrides optional) for
 * the whole file, the sim emptied before each test. The fields are set once beforeAll has run: read them in tests and hooks.
 */
export function useBrowserStack(relayEnv: Record<string, string> = {}): BrowserSuite {
  // Filled in by beforeAll; nothing reads it before then.
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    [suite.browser, suite.stack] = await Promise.all([launchBrowser(), startStack(relayEnv)]);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.stack?.close();
  });
  beforeEach(() => {
    suite.stack.sim.reset();
  });
  return suite;
}
