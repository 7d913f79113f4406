// The demo website's server (node:http): the bakery pages with the widget, the owner's leads
// page backend (/admin/*, holding the relay admin token) and the upstream switch (/demo/*).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createAdminProxy } from './admin-proxy.ts';
import { RequestError, sendError } from './http-helpers.ts';
import { createStaticFiles } from './static-files.ts';
import { createUpstreamSwitch } from './upstream-switch.ts';

export interface DemoServerOptions {
  relayUrl: string;
  /** The relay's RELAY_ADMIN_TOKEN; used server-side only. */
  adminToken: string;
  /** The stand-in eleapi API, for the failing-upstream switch. */
  simUrl: string;
  siteDir?: string;
  widgetFile?: string;
}

export interface DemoServerDeps {
  fetch: typeof fetch;
  /** Where request failures are reported (never shown to the browser beyond a message). */
  logError: (message: string) => void;
}

export const DEMO_SITE_DIR = fileURLToPath(new URL('./site', import.meta.url));
export const WIDGET_FILE = fileURLToPath(new URL('../dist/eleapi-leads.js', import.meta.url));
export const LAYOUT_FILE = fileURLToPath(new URL('./layout.html', import.meta.url));

/**
 * Builds the demo website server; call `listen` yourself or use `startDemoServer`.
 *
 * @example
 * const demo = await startDemoServer({ relayUrl, adminToken, simUrl }, { port: 0 });
 * console.log(demo.url); await demo.close();
 */
export function createDemoServer(
  options: DemoServerOptions,
  deps: Partial<DemoServerDeps> = {},
): Server {
  const fetchFn = deps.fetch ?? fetch;
  const logError = deps.logError ?? ((message: string) => console.error(message));
  const serveStatic = createStaticFiles({
    siteDir: options.siteDir ?? DEMO_SITE_DIR,
    widgetFile: options.widgetFile ?? WIDGET_FILE,
    layoutFile: LAYOUT_FILE,
    relayUrl: options.relayUrl,
  });
  const admin = createAdminProxy({
    relayUrl: options.relayUrl,
    adminToken: options.adminToken,
    fetch: fetchFn,
  });
  const upstream = createUpstreamSwitch({ simUrl: options.simUrl, fetch: fetchFn });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    if (url.pathname.startsWith('/admin/')) return admin(req, url, res);
    if (url.pathname === '/demo/upstream') return upstream(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new RequestError(405, `${req.method} is not allowed on ${url.pathname}`);
    }
    return serveStatic(url.pathname, res);
  }

  return createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const status = error instanceof RequestError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (status >= 500) logError(`demo server: ${req.method} ${req.url}: ${message}`);
      if (!res.headersSent) sendError(res, status, message);
      else res.destroy();
    });
  });
}

export interface RunningDemoServer {
  url: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 (port 0 picks a free one); rejects with EADDRINUSE if taken. */
export function startDemoServer(
  options: DemoServerOptions,
  listen: { port: number; host?: string },
  deps: Partial<DemoServerDeps> = {},
): Promise<RunningDemoServer> {
  const server = createDemoServer(options, deps);
  const host = listen.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
