// CORS for the widget's submissions: only the configured site origins may post.
import type { MiddlewareHandler } from 'hono';
import type { RelayEnv } from '../app-env.ts';
import { fail, quote } from '../respond.ts';

// Browsers cap preflight caching (Chrome at 2 h); 10 min lets an origin change take effect soon.
const PREFLIGHT_MAX_AGE_S = '600';

/**
 * Checks `Origin` against the allowlist. An allowed origin gets its CORS headers on every
 * answer (errors too, so the widget can read them) and preflights answer 204. A listed-out
 * origin gets 403. No `Origin` at all is a server-to-server caller, not a browser: CORS does
 * not concern it, so it passes on to the same validation, allowlist and rate limit.
 */
export function leadsCors(isAllowed: (origin: string) => boolean): MiddlewareHandler<RelayEnv> {
  return async function leadsCorsMiddleware(c, next) {
    c.header('Vary', 'Origin');
    const origin = c.req.header('origin');
    if (origin === undefined) {
      if (c.req.method === 'OPTIONS') return c.body(null, 204);
      return next();
    }
    if (!isAllowed(origin)) {
      return fail(
        c,
        403,
        'origin_not_allowed',
        `origin ${quote(origin)} is not allowed to post leads to this relay`,
        'origin',
      );
    }
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Expose-Headers', 'Retry-After');
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Methods', 'POST, OPTIONS');
      c.header('Access-Control-Allow-Headers', 'Content-Type');
      c.header('Access-Control-Max-Age', PREFLIGHT_MAX_AGE_S);
      return c.body(null, 204);
    }
    return next();
  };
}
