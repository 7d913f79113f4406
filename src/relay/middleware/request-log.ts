// One log line per request outcome, and the rejection metrics, from what the handlers recorded.
import type { MiddlewareHandler } from 'hono';
import type { RelayEnv } from '../app-env.ts';
import { type Logger, maskIp } from '../logger.ts';
import type { Metrics } from '../metrics.ts';

// Probes and scrapes arrive every few seconds; they would bury the lines that matter.
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

export function requestLog(logger: Logger, metrics: Metrics): MiddlewareHandler<RelayEnv> {
  return async function requestLogMiddleware(c, next) {
    const started = performance.now();
    await next();
    const reason = c.get('reason');
    if (reason) metrics.rejected(reason);
    const status = c.res.status;
    const level = status >= 500 ? 'error' : QUIET_PATHS.has(c.req.path) ? 'debug' : 'info';
    if (!logger.isLevelEnabled(level)) return;
    logger[level](
      {
        method: c.req.method,
        path: c.req.path,
        status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        reason,
        ip: maskIp(c.get('clientIp')),
        lead: c.get('lead'),
      },
      'request',
    );
  };
}
