// Runs the relay on Node's HTTP server, with graceful shutdown.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { RelayConfig } from './config.ts';
import { createRelay, type Relay, type RelayDeps } from './create-relay.ts';
import { openSharedStore } from './outbox/open-outbox.ts';

export interface RunningRelay {
  relay: Relay;
  /** e.g. http://127.0.0.1:8787 */
  url: string;
  /** Stops accepting connections, drains deliveries (bounded), closes the outbox. */
  close(): Promise<void>;
}

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
        { fetch: relay.fetch, port: config.port, hostname: config.host },
        (info) => resolve({ server, address: info }),
      ) as Server;
      server.once('error', reject);
    },
  ).catch(async (error: unknown) => {
    await relay.close(0);
    throw error;
  });
  // Slow clients must not pin sockets: a lead body is 16 KiB at most.
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  relay.logger.info({ url }, 'relay listening');

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await relay.close();
      // Connections still open after the grace period are cut rather than waited for.
      server.closeAllConnections();
      await stopped;
    })();
    return closing;
  };
  return { relay, url, close };
}
