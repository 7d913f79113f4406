// The page-cost bench's website on 127.0.0.1: the article variants, its stylesheet, the
// messenger stand-in and every file of dist/ (the loader fetches its chunk from its own folder).
// It also stands in for the relay's origin and answers 404 there (204 to the proof-of-work
// question first open asks, as a relay without it): nothing may post at load.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHALLENGE_PATH } from '../src/shared/pow-challenge.ts';
import {
  ARTICLE_CSS,
  articlePage,
  OTHER_LOADINGS,
  type TagLoading,
  VARIANTS,
  type Variant,
} from './page-cost-pages.ts';

export interface PageCostServer {
  url: string;
  /** The variant's page, its tag loaded as the README pastes it (`defer`) or otherwise. */
  pageUrl(variant: Variant, loading?: TagLoading): string;
  /** gzip size (zlib level 9) of each JS file served, by path: what a CDN would send. */
  gzipBytes: ReadonlyMap<string, number>;
  /** Requests for anything that is not a page, a stylesheet or a script (calls to the relay). */
  strayRequests(): string[];
  close(): Promise<void>;
}

interface Served {
  body: Buffer;
  type: string;
}

const JS = 'application/javascript; charset=utf-8';

function siteFiles(root: string, origin: string): Map<string, Served> {
  const files = new Map<string, Served>();
  for (const name of readdirSync(join(root, 'dist'))) {
    if (name.endsWith('.js')) {
      files.set(`/${name}`, { body: readFileSync(join(root, 'dist', name)), type: JS });
    }
  }
  files.set('/messenger-stand-in.js', {
    body: readFileSync(join(root, 'demo', 'site', 'messenger-stand-in.js')),
    type: JS,
  });
  files.set('/article.css', { body: Buffer.from(ARTICLE_CSS), type: 'text/css; charset=utf-8' });
  for (const variant of VARIANTS) {
    files.set(`/${variant}.html`, {
      body: Buffer.from(articlePage(variant, origin)),
      type: 'text/html; charset=utf-8',
    });
    for (const loading of OTHER_LOADINGS) {
      files.set(`/${variant}-${loading}.html`, {
        body: Buffer.from(articlePage(variant, origin, loading)),
        type: 'text/html; charset=utf-8',
      });
    }
  }
  return files;
}

export function startPageCostServer(root: string): Promise<PageCostServer> {
  const stray: string[] = [];
  let files = new Map<string, Served>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://bench.invalid').pathname;
    const file = files.get(path);
    if (file) {
      res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' });
      res.end(file.body);
      return;
    }
    // Browsers ask for it on their own; a 404 would be a console error in every variant.
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    stray.push(`${req.method} ${path}`);
    // First open asks whether the relay wants a proof of work: answer as a relay without it.
    if (path === CHALLENGE_PATH) {
      res.writeHead(204).end();
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      files = siteFiles(root, url);
      const gzipBytes = new Map<string, number>();
      for (const [path, file] of files) {
        if (file.type === JS) gzipBytes.set(path, gzipSync(file.body, { level: 9 }).byteLength);
      }
      resolve({
        url,
        pageUrl: (variant, loading = 'defer') =>
          `${url}/${variant}${loading === 'defer' ? '' : `-${loading}`}.html`,
        gzipBytes,
        strayRequests: () => [...stray],
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
