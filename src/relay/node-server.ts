// Runs the relay on Node's HTTP server, with graceful shutdown.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { RelayConfig } from './config.ts';
import { createRelay, type Relay, type RelayDeps } from './create-relay.ts';
import { trackHttpDrain } from './http-drain.ts';
import { openSharedStore } from './outbox/open-outbox.ts';

export interface RunningRelay {
  relay: Relay;
  /** e.g. http://127.0.0.1:8787 */
  url: string;
  /**
   * Shuts down in order: `/readyz` 503 and the listener closed at once; requests already
   * received answered (`Connection: close`) while deliveries in flight finish, both within
   * RELAY_SHUTDOWN_GRACE_MS; then the outbox closes.
   */
  close(): Promise<void>;
}

const TIMEOUT_CHECK_MS = 1_000;

export async function startRelayServer(
  config: RelayConfig,
  deps: RelayDeps = {},
): Promise<RunningRelay> {
  const store = deps.store ?? (await openSharedStore(config));
  const relay = createRelay(config, {
    socketAddress: (c) => getConnInfo(c).remote.address,
    ...deps,
    store,
  });
  const { server, address } = await new Promise<{ server: Server; address: AddressInfo }>(
    (resolve, reject) => {
      const server = serve(
        {
          fetch: relay.fetch,
          port: config.port,
          hostname: config.host,
          // Slow clients must not pin sockets (a lead body is 16 KiB at most). Node enforces
          // these timeouts only when it checks, every 30 s by default: check every second.
          serverOptions: {
            headersTimeout: config.headersTimeoutMs,
            requestTimeout: config.requestTimeoutMs,
            connectionsCheckingInterval: TIMEOUT_CHECK_MS,
          },
        },
        (info) => resolve({ server, address: info }),
      ) as Server;
      server.once('error', reject);
    },
  ).catch(async (error: unknown) => {
    await relay.close(0);
    throw error;
  });
  const http = trackHttpDrain(server);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  relay.logger.info({ url }, 'relay listening');

  const grace = config.shutdownGraceMs;
  // relay.close runs once; later calls get the same promise.
  const close = () => relay.close(grace, http.drain(grace));
  return { relay, url, close };
}
