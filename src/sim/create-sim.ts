// The stand-in eleapi API as a Hono app, made by a factory so tests run it in-process.
import { setTimeout as delay } from 'node:timers/promises';
import { Hono } from 'hono';
import { controlRoutes } from './control-routes.ts';
import { eleapiRoutes } from './eleapi-routes.ts';
import { envelope } from './envelope.ts';
import { DEFAULT_SIM_TOKEN, type SimDeps, type SimOptions } from './sim-config.ts';
import { createSimState, type SimState } from './sim-state.ts';

export interface Sim {
  app: Hono;
  state: SimState;
  /** Releases requests that are hanging on a simulated timeout. */
  abortPending(): void;
}

/** Real time and chance; timers do not keep the process alive. */
export const defaultSimDeps: SimDeps = {
  now: () => new Date(),
  random: Math.random,
  sleep: (ms, signal) => delay(ms, undefined, { signal, ref: false }).catch(() => undefined),
};

/**
 * Builds the sim: `PUT /inbox/direct/lead`, `GET /inbox/direct/chats` and the `/_sim/` control
 * endpoints (no auth: a local dev tool that must never face the internet).
 *
 * @example
 * const { app, state } = createSim({ token: 't' });
 * await app.request('/inbox/direct/lead', { method: 'PUT', headers: { 'x-bp-token': 't' }, body });
 * state.received();
 */
export function createSim(options: SimOptions = {}, deps: Partial<SimDeps> = {}): Sim {
  const full: SimDeps = { ...defaultSimDeps, ...deps };
  const state = createSimState(options, full);
  const shutdown = new AbortController();
  const token = options.token ?? DEFAULT_SIM_TOKEN;
  const tokens = { upsert: token, list: options.listToken ?? token };

  const app = new Hono();
  app.route(
    '/',
    eleapiRoutes(state, tokens, { ...full, switches: state.switches, shutdown: shutdown.signal }),
  );
  app.route('/_sim', controlRoutes(state));
  app.notFound((c) => c.json(envelope(404, `no route for ${c.req.method} ${c.req.path}`), 404));
  app.onError((error, c) => c.json(envelope(500, `sim error: ${error.message}`), 500));
  return { app, state, abortPending: () => shutdown.abort() };
}

/** The sim's Hono app alone, for runtimes that only want `fetch`. */
export function createSimApp(options: SimOptions = {}, deps: Partial<SimDeps> = {}): Hono {
  return createSim(options, deps).app;
}
