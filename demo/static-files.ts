// The demo website's files: demo/site/* plus the built widget, served same-origin so that the
// strict-CSP page can allow `script-src 'self'` and nothing else.
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { dirname, extname, resolve, sep } from 'node:path';
import { PAGE_RELAY_URL } from './demo-config.ts';
import { send, sendError } from './http-helpers.ts';
import { parsePage, renderPage } from './page-layout.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticOptions {
  siteDir: string;
  /** The built drop-in script, dist/eleapi-leads.js (its form chunk is served from beside it). */
  widgetFile: string;
  /** demo/layout.html: the markup every page shares, outside siteDir so it is never served. */
  layoutFile: string;
  /** Where the relay really listens; pages are written with PAGE_RELAY_URL. */
  relayUrl: string;
}

/** The strict-CSP page's header (docs/contract.md §4: no unsafe-inline, no eval). */
export function strictCsp(relayUrl: string): string {
  const relayOrigin = new URL(relayUrl).origin;
  return `default-src 'self'; style-src 'self'; script-src 'self'; connect-src ${relayOrigin}`;
}

export function createStaticFiles(options: StaticOptions) {
  const root = resolve(options.siteDir);

  function fileFor(pathname: string): string | undefined {
    if (pathname === '/eleapi-leads.js') return options.widgetFile;
    // The form chunk the loader fetches from its own folder, next to it in dist/, its locale files and pieces.
    if (/^\/eleapi-leads\.form\.[\da-f]+(\.[a-z]{2,8})?\.js$/.test(pathname)) {
      return resolve(dirname(options.widgetFile), pathname.slice(1));
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    } catch {
      return undefined;
    }
    const file = resolve(root, `.${decoded}`);
    // Nothing outside demo/site, whatever the path says.
    return file.startsWith(root + sep) ? file : undefined;
  }

  return async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const file = fileFor(pathname);
    const type = file ? TYPES[extname(file)] : undefined;
    if (!file || !type) return sendError(res, 404, `no page at ${pathname}`);
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      const hint = file === options.widgetFile ? ' (run `npm run build` first)' : '';
      return sendError(res, 404, `no file for ${pathname}${hint}`);
    }
    const headers: Record<string, string> = { 'content-type': type };
    if (extname(file) === '.html') {
      const strict = pathname === '/csp.html';
      const layout = await readFile(options.layoutFile, 'utf8');
      const page = parsePage(body.toString('utf8'), pathname);
      const html = renderPage(layout, page, { strictCsp: strict });
      if (strict) headers['content-security-policy'] = strictCsp(options.relayUrl);
      return send(res, 200, html.replaceAll(PAGE_RELAY_URL, options.relayUrl), headers);
    }
    return send(res, 200, body, headers);
  };
}
