// Stops a Node HTTP server without cutting a request it has received: the listener closes,
// idle keep-alive sockets close, and requests already read are answered with `Connection: close`.
import type { Server, ServerResponse } from 'node:http';

export interface HttpDrain {
  /** Resolves once every connection has ended, or after `graceMs` with the rest cut. */
  drain(graceMs: number): Promise<void>;
}

export function trackHttpDrain(server: Server): HttpDrain {
  let draining = false;
  const open = new Set<ServerResponse>();
  // A socket left idle by a finished response would otherwise wait out its keep-alive timeout.
  const closeIdleSoon = () => setImmediate(() => server.closeIdleConnections());
  server.on('request', (_request, response) => {
    if (draining) response.shouldKeepAlive = false;
    open.add(response);
    response.once('finish', () => {
      if (draining) closeIdleSoon();
    });
    response.once('close', () => open.delete(response));
  });

  let drained: Promise<void> | undefined;
  function drain(graceMs: number): Promise<void> {
    draining = true;
    for (const response of open) {
      if (!response.headersSent) response.shouldKeepAlive = false;
    }
    drained ??= new Promise<void>((resolve) => {
      const cut = setTimeout(() => server.closeAllConnections(), graceMs);
      // close() stops the listener and closes idle sockets; its callback waits for the rest.
      server.close(() => {
        clearTimeout(cut);
        resolve();
      });
    });
    return drained;
  }
  return { drain };
}
