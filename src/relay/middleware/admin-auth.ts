// Bearer auth for the admin endpoints and /metrics; an endpoint without a token does not exist (404).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { RelayEnv } from '../app-env.ts';
import { fail } from '../respond.ts';

// Hashing first gives equal-length buffers, so the compare's time says nothing about the token.
const digest = (value: string) => createHash('sha256').update(value).digest();

export interface BearerRealm {
  /** How a wrong-token message names it: "admin token". */
  name: string;
  /** The variable that sets it, quoted in the 401's hint. */
  variable: string;
  /** The 404's message when no token is set. */
  off: string;
}

export function bearerAuth(
  token: string | undefined,
  realm: BearerRealm,
): MiddlewareHandler<RelayEnv> {
  const expected = token === undefined ? undefined : digest(token);
  return async function bearerAuthMiddleware(c, next) {
    if (!expected) return fail(c, 404, 'not_found', realm.off);
    const given = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="eleapi-relay"');
      return fail(
        c,
        401,
        'unauthorized',
        given === undefined
          ? `send the ${realm.name} as "Authorization: Bearer <${realm.variable}>"`
          : `the ${realm.name} is wrong`,
      );
    }
    return next();
  };
}

export function adminAuth(token: string | undefined): MiddlewareHandler<RelayEnv> {
  return bearerAuth(token, {
    name: 'admin token',
    variable: 'RELAY_ADMIN_TOKEN',
    off: 'admin endpoints are off: set RELAY_ADMIN_TOKEN to use them',
  });
}
