// GET /eleapi-leads.js: the built widget's loader, so a site needs only the relay's URL; and GET
// /eleapi-leads.form.<hash>.js, the form chunk the loader fetches from its own folder, with its
// locale files /eleapi-leads.form.<hash>.<locale>.js and pieces
// /eleapi-leads.form.<hash>.<piece>.js beside it (cached the same way).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Context, Hono } from 'hono';
import type { RelayEnv } from '../app-env.ts';
import { fail } from '../respond.ts';

export const WIDGET_FILE = 'eleapi-leads.js';
/**
 * The form chunk's name, or one of its locale files' or pieces' (`.de`, `.fields`): the content
 * hash (of the chunk and every file beside it) makes every build a new URL, so they are cached
 * for good.
 */
export const FORM_CHUNK_PATTERN = /^eleapi-leads\.form\.[\da-f]{6,64}(\.[a-z]{2,8})?\.js$/;

/** The package root: the nearest folder up from this file whose package.json is ours. */
export function findPackageRoot(
  from = dirname(fileURLToPath(import.meta.url)),
): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      JSON.parse(readFileSync(manifest, 'utf8')).name === 'eleapi-leads'
    ) {
      return dir;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

interface Cached {
  key: string;
  body: Uint8Array;
  etag: string;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

function serve(c: Context<RelayEnv>, script: Cached, cacheControl: string) {
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Cache-Control', cacheControl);
  c.header('ETag', script.etag);
  c.header('X-Content-Type-Options', 'nosniff');
  if (matches(c.req.header('if-none-match'), script.etag)) return c.body(null, 304);
  c.header('Content-Type', 'application/javascript; charset=utf-8');
  return c.body(script.body as Uint8Array<ArrayBuffer>);
}

export function widgetScriptRoutes(scriptPath?: string): Hono<RelayEnv> {
  const app = new Hono<RelayEnv>();
  const root = scriptPath ? undefined : findPackageRoot();
  const path = scriptPath ?? (root ? join(root, 'dist', WIDGET_FILE) : undefined);
  const cached = new Map<string, Cached>();

  // Re-read only when the file changed, so a rebuild is served without a restart.
  async function load(file: string): Promise<Cached | undefined> {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const key = `${info.mtimeMs}:${info.size}`;
    const known = cached.get(file);
    if (known?.key === key) return known;
    const body = await readFile(file);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    // Two entries at most in practice (loader, current chunk); older chunks drop out.
    if (cached.size > 8) cached.clear();
    cached.set(file, { key, body, etag });
    return cached.get(file);
  }

  app.get(`/${WIDGET_FILE}`, async (c) => {
    const script = path ? await load(path) : undefined;
    if (!script) {
      return fail(
        c,
        404,
        'not_built',
        'the widget is not built yet: run "npm run build" on the relay host',
      );
    }
    // A public script: any page may load it, and caches may keep it for a few minutes.
    return serve(c, script, 'public, max-age=300');
  });

  // The name is checked before any file is touched: nothing else of dist/ is reachable here.
  app.get('/:file{eleapi-leads\\.form\\.[0-9a-f]+(?:\\.[a-z]{2,8})?\\.js}', async (c) => {
    const file = c.req.param('file');
    const script =
      path && FORM_CHUNK_PATTERN.test(file) ? await load(join(dirname(path), file)) : undefined;
    if (!script) {
      return fail(c, 404, 'not_found', `no form chunk ${file.slice(0, 80)}: the loader names it`);
    }
    return serve(c, script, 'public, max-age=31536000, immutable');
  });

  return app;
}
