// `/_sim/*`: what tests and the demo use to look inside and flip the switches. Unauthenticated
// on purpose — the sim is a local tool bound to 127.0.0.1 and must never face the internet.
import { Hono } from 'hono';
import { SimConfigError, type SimState } from './sim-state.ts';

export function controlRoutes(state: SimState): Hono {
  const app = new Hono();

  app.get('/received', (c) => c.json({ received: state.received() }));

  app.get('/config', (c) => c.json({ switches: state.switches() }));

  app.post('/config', async (c) => {
    let patch: unknown;
    try {
      patch = await c.req.json();
    } catch {
      return c.json({ ok: false, error: 'body must be a JSON object of switches' }, 400);
    }
    try {
      return c.json({ ok: true, switches: state.setSwitches(patch) });
    } catch (error) {
      if (error instanceof SimConfigError) return c.json({ ok: false, error: error.message }, 400);
      throw error;
    }
  });

  app.post('/reset', (c) => {
    state.reset();
    return c.json({ ok: true, switches: state.switches() });
  });

  return app;
}
