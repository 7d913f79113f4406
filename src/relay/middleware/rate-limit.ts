// Rate limit per client address, before the body is read, so a flood costs little.
import type { Context, MiddlewareHandler } from 'hono';
import type { RelayEnv } from '../app-env.ts';
import type { RateLimiter } from '../rate-limiter.ts';
import { fail } from '../respond.ts';

export function rateLimit(
  limiter: RateLimiter,
  clientIp: (c: Context<RelayEnv>) => string,
): MiddlewareHandler<RelayEnv> {
  return async function rateLimitMiddleware(c, next) {
    const ip = clientIp(c);
    c.set('clientIp', ip);
    const verdict = await limiter.take(ip);
    if (verdict.allowed) return next();
    const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
    c.header('Retry-After', String(seconds));
    return fail(
      c,
      429,
      'rate_limited',
      `too many submissions from this address; try again in ${seconds} s`,
      'rate_limited',
    );
  };
}
