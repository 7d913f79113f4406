// Latency and failure injection in front of the eleapi endpoints, driven by the live switches.
// Chance comes from the injected `random`, rolled only for switches that are on, so a test can
// script the rolls exactly.
import type { Context, MiddlewareHandler } from 'hono';
import { envelope } from './envelope.ts';
import type { SimDeps, SimSwitches } from './sim-config.ts';

export type Endpoint = 'upsert' | 'list';

export interface FaultDeps extends SimDeps {
  switches: () => SimSwitches;
  /** Aborts when the sim shuts down, so hanging requests let the server close. */
  shutdown: AbortSignal;
}

export function faults(endpoint: Endpoint, deps: FaultDeps): MiddlewareHandler {
  return async function injectFaults(c, next) {
    const s = deps.switches();
    const signal = AbortSignal.any([c.req.raw.signal, deps.shutdown]);
    if (s.latencyMs > 0) await deps.sleep(s.latencyMs, signal);
    const failing = s.faultScope === 'all' || endpoint === 'upsert';
    // A "timeout" hangs for hangMs, then is served if the client is still waiting; a client
    // that gave up first gets nothing and nothing is stored, so its retry is the only copy.
    if (failing && s.timeoutRate > 0 && deps.random() < s.timeoutRate) {
      await deps.sleep(s.hangMs, signal);
    }
    // Nobody is listening any more; answering would only log a write error.
    if (signal.aborted) return new Response(null, { status: 499 });
    if (failing && s.failStatus !== null) return failure(c, s.failStatus, s);
    if (failing && s.errorRate > 0 && deps.random() < s.errorRate) return failure(c, 503, s);
    await next();
    return undefined;
  };
}

function failure(c: Context, status: number, s: SimSwitches): Response {
  const headers: Record<string, string> = {};
  if ((status === 429 || status === 503) && s.retryAfterSeconds !== null) {
    headers['retry-after'] = String(s.retryAfterSeconds);
  }
  return c.json(envelope(status, `simulated failure (${status})`), status as 500, headers);
}
