// Runs the sim on Node's HTTP server. Used by the `eleapi-sim` bin and the tests' startSim.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createSim } from './create-sim.ts';
import type { SimDeps, SimOptions } from './sim-config.ts';
import type { SimState } from './sim-state.ts';

export interface RunningSim {
  /** Base URL, e.g. `http://127.0.0.1:8788`. */
  url: string;
  state: SimState;
  close(): Promise<void>;
}

export interface ListenOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
}

export function serveSim(
  options: SimOptions,
  listen: ListenOptions,
  deps: Partial<SimDeps> = {},
): Promise<RunningSim> {
  const sim = createSim(options, deps);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: sim.app.fetch, port: listen.port, hostname: listen.host });
    server.once('error', reject);
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo;
      const host = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
      resolve({
        url: `http://${host}:${port}`,
        state: sim.state,
        close: () =>
          new Promise<void>((done, fail) => {
            sim.abortPending();
            server.close((error) => (error ? fail(error) : done()));
            // Keep-alive sockets would hold close() open until they time out.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
  });
}
