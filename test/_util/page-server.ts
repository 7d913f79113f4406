// A tiny website for browser tests: pages the test writes (with the tags a real site has),
// the built widget and the demo's messenger stand-in, on 127.0.0.1 and a free port.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './build-fresh.ts';

export interface TestPage {
  body: string;
  /** Defaults to text/html. */
  contentType?: string;
  headers?: Record<string, string>;
}

export interface PageServer {
  /** Origin of the site, e.g. `http://127.0.0.1:41234`. */
  url: string;
  setPage(path: string, page: TestPage | string): void;
  /** Paths requested so far, e.g. to prove no other script was fetched. */
  requested(): string[];
  close(): Promise<void>;
}

const FILES: Record<string, { file: string; type: string }> = {
  '/eleapi-leads.js': {
    file: join(ROOT, 'dist', 'eleapi-leads.js'),
    type: 'application/javascript; charset=utf-8',
  },
  '/messenger-stand-in.js': {
    file: join(ROOT, 'demo', 'site', 'messenger-stand-in.js'),
    type: 'application/javascript; charset=utf-8',
  },
};

export function startPageServer(): Promise<PageServer> {
  const pages = new Map<string, TestPage>();
  const requested: string[] = [];
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://pages.invalid').pathname;
    requested.push(path);
    const page = pages.get(path);
    // The form chunk the loader fetches from its own folder, by the hashed name it was built with,
    // and the locale files and pieces named after it.
    const chunk = /^\/eleapi-leads\.form\.[\da-f]+(\.[a-z]{2,8})?\.js$/.test(path)
      ? { file: join(ROOT, 'dist', path.slice(1)), type: 'application/javascript; charset=utf-8' }
      : undefined;
    const file = FILES[path] ?? chunk;
    if (page) {
      res.writeHead(200, {
        'content-type': page.contentType ?? 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        ...page.headers,
      });
      res.end(page.body);
    } else if (path === '/favicon.ico') {
      // Browsers ask for it on every page; a 404 would be a console error in every test.
      res.writeHead(204).end();
    } else if (file) {
      const body = await readFile(file.file).catch(() => undefined);
      if (body) {
        res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' });
        res.end(body);
      } else res.writeHead(404, { 'content-type': 'text/plain' }).end(`not built: ${path}`);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`no test page at ${path}`);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        setPage: (path, page) => pages.set(path, typeof page === 'string' ? { body: page } : page),
        requested: () => [...requested],
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
