// Which address a request comes from, for rate limiting.
import type { Context } from 'hono';

/** The socket's peer address; the runtime adapter knows it (Node: getConnInfo). */
export type SocketAddress = (c: Context) => string | undefined;

/**
 * With a trusted proxy in front, the client is the last `X-Forwarded-For` entry: the one the
 * proxy appended. Entries before it are whatever the client sent, so trusting the first would
 * let anyone pick their own rate-limit bucket. Without a proxy, the socket address.
 */
export function clientIpResolver(trustProxy: boolean, socketAddress: SocketAddress) {
  return (c: Context): string => {
    if (trustProxy) {
      const hops = (c.req.header('x-forwarded-for') ?? '').split(',');
      const last = hops[hops.length - 1]?.trim();
      if (last) return last;
    }
    return socketAddress(c) ?? 'unknown';
  };
}
