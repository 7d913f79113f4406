import { describe, expect, it } from 'vitest';
import { DEFAULT_SIM_SWITCHES } from '../../src/sim/sim-config.ts';
import { LEAD, makeSim, PAGE1 } from '../_util/sim/sim-test-kit.ts';

const post = (sim: ReturnType<typeof makeSim>, path: string, body?: unknown) =>
  sim.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });

describe('/_sim control endpoints', () => {
  it('GET /_sim/received lists accepted upserts with their headers', async () => {
    const sim = makeSim();
    await sim.upsert({ ...LEAD, email: 'a@example.com' });
    const { received } = await (await sim.app.request('/_sim/received')).json();
    expect(received).toHaveLength(1);
    expect(received[0].body.email).toBe('a@example.com');
    expect(received[0].headers['x-bp-token']).toBe('test-token');
  });

  it('POST /_sim/config changes the named switches and answers all of them', async () => {
    const sim = makeSim();
    const res = await post(sim, '/_sim/config', { errorRate: 1, retryAfterSeconds: 2 });
    expect(res.status).toBe(200);
    expect((await res.json()).switches).toEqual({
      ...DEFAULT_SIM_SWITCHES,
      errorRate: 1,
      retryAfterSeconds: 2,
    });
    const failed = await sim.upsert(LEAD);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('2');
  });

  it.each([
    [{ errorRate: 2 }, 'errorRate: errorRate must be a number from 0 to 1'],
    [{ failStatus: 200 }, 'failStatus: failStatus must be an HTTP error status from 400 to 599'],
    [{ latencyMs: -1 }, 'latencyMs: latencyMs must be 0 or more'],
    [{ speed: 3 }, '(body): unknown switch(es) "speed"'],
  ])('POST /_sim/config refuses %j with a message naming it', async (patch, message) => {
    const sim = makeSim();
    const res = await post(sim, '/_sim/config', patch);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ ok: false, error: message });
    expect(sim.state.switches()).toEqual(DEFAULT_SIM_SWITCHES);
  });

  it('POST /_sim/config refuses a body that is not JSON', async () => {
    expect((await post(makeSim(), '/_sim/config', 'nope')).status).toBe(400);
  });

  it('POST /_sim/reset forgets chats and upserts and restores the starting switches', async () => {
    const sim = makeSim({ switches: { latencyMs: 0, retryAfterSeconds: 5 } });
    await sim.upsert({ ...LEAD, name: 'Ana' });
    sim.state.setSwitches({ errorRate: 1 });
    expect((await post(sim, '/_sim/reset')).status).toBe(200);
    expect(sim.state.received()).toEqual([]);
    expect(sim.state.switches()).toEqual({ ...DEFAULT_SIM_SWITCHES, retryAfterSeconds: 5 });
    expect((await (await sim.list(PAGE1)).json()).data).toEqual([]);
  });

  it('answers unknown paths with a 404 envelope', async () => {
    const res = await makeSim().app.request('/inbox/direct/nothing');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ success: false, code: 404 });
  });
});
