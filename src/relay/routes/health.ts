// Liveness, readiness and Prometheus metrics.
import { Hono } from 'hono';
import type { RelayEnv } from '../app-env.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { bearerAuth } from '../middleware/admin-auth.ts';
import { isDamage, type Outbox } from '../outbox/index.ts';

export interface HealthRouteDeps {
  outbox: Outbox;
  metrics: Metrics;
  logger: Logger;
  now: () => number;
  /** False once shutdown began, so load balancers stop sending traffic. */
  accepting: () => boolean;
  /** Who may scrape `/metrics`: a bearer token, everyone (`true`), or nobody (undefined). */
  metricsAccess: string | true | undefined;
}

export function healthRoutes(deps: HealthRouteDeps): Hono<RelayEnv> {
  const app = new Hono<RelayEnv>();

  app.get('/healthz', (c) => c.json({ ok: true }));

  // The config was valid or the relay would not have started; the outbox must take a write.
  app.get('/readyz', async (c) => {
    if (!deps.accepting()) {
      return c.json({ ok: false, checks: { config: 'ok', outbox: 'shutting down' } }, 503);
    }
    try {
      await deps.outbox.checkWritable(deps.now());
      return c.json({ ok: true, checks: { config: 'ok', outbox: 'ok' } });
    } catch (error) {
      deps.logger.error({ err: error }, 'outbox is not writable');
      const outbox = isDamage(error) ? 'damaged' : 'not writable';
      return c.json({ ok: false, checks: { config: 'ok', outbox } }, 503);
    }
  });

  // Counts and rates of an internet-facing service tell an attacker what works: not public by default.
  const metricsAuth =
    deps.metricsAccess === true
      ? undefined
      : bearerAuth(deps.metricsAccess, {
          name: 'metrics token',
          variable: 'RELAY_METRICS_TOKEN',
          off: 'metrics are off: set RELAY_METRICS_TOKEN (or RELAY_ADMIN_TOKEN), or RELAY_METRICS_PUBLIC=true',
        });
  if (metricsAuth) app.use('/metrics', metricsAuth);

  app.get('/metrics', async (c) => {
    let gauges = { pending: Number.NaN, dead: Number.NaN };
    try {
      gauges = await deps.outbox.counts();
    } catch (error) {
      deps.logger.error({ err: error }, 'outbox counts unavailable');
    }
    c.header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8');
    return c.body(deps.metrics.render(gauges));
  });

  return app;
}
