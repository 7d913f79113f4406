// Bearer auth for the admin endpoints; they do not exist (404) when no admin token is set.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { RelayEnv } from '../app-env.ts';
import { fail } from '../respond.ts';

// Hashing first gives equal-length buffers, so the compare's time says nothing about the token.
const digest = (value: string) => createHash('sha256').update(value).digest();

export function adminAuth(token: string | undefined): MiddlewareHandler<RelayEnv> {
  const expected = token === undefined ? undefined : digest(token);
  return async function adminAuthMiddleware(c, next) {
    if (!expected) {
      return fail(
        c,
        404,
        'not_found',
        'admin endpoints are off: set RELAY_ADMIN_TOKEN to use them',
      );
    }
    const given = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="eleapi-relay"');
      return fail(
        c,
        401,
        'unauthorized',
        given === undefined
          ? 'send the admin token as "Authorization: Bearer <RELAY_ADMIN_TOKEN>"'
          : 'the admin token is wrong',
      );
    }
    return next();
  };
}
