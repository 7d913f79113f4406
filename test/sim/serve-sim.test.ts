import { afterEach, describe, expect, it } from 'vitest';
import { type StartedSim, startSim } from '../_util/start-sim.ts';

const lead = { uuid: 'u-1', botId: 'b', customerId: 'c', email: 'a@example.com' };
let sim: StartedSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const put = (url: string, init: RequestInit = {}) =>
  fetch(`${url}/inbox/direct/lead`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-bp-token': 'sim-token' },
    body: JSON.stringify(lead),
    ...init,
  });

describe('the sim over real HTTP', () => {
  it('listens on 127.0.0.1 and records upserts with their headers', async () => {
    sim = await startSim();
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await put(sim.url)).status).toBe(200);
    const [received] = sim.received();
    expect(received?.body).toEqual(lead);
    expect(received?.headers['x-bp-token']).toBe('sim-token');
    expect(received?.headers['content-type']).toBe('application/json');
  });

  it('lets a client time out on a hanging request, then serves the next one', async () => {
    sim = await startSim();
    sim.setConfig({ timeoutRate: 1, hangMs: 600_000 });
    await expect(put(sim.url, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    sim.setConfig({ timeoutRate: 0 });
    expect((await put(sim.url)).status).toBe(200);
    expect(sim.received()).toHaveLength(1);
  });

  it('closes promptly while a request is still hanging', async () => {
    sim = await startSim({ switches: { timeoutRate: 1, hangMs: 600_000 } });
    const pending = put(sim.url).then(
      (res) => res.status,
      () => 'dropped',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await sim.close();
    sim = undefined;
    expect(await pending).toBe('dropped');
  });

  it('refuses a bad switch from setConfig with a message naming it', async () => {
    sim = await startSim();
    expect(() => sim?.setConfig({ errorRate: 5 })).toThrow(
      'errorRate must be a number from 0 to 1',
    );
  });

  it('serves /_sim/config to other processes such as the demo', async () => {
    sim = await startSim();
    const res = await fetch(`${sim.url}/_sim/config`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ errorRate: 1 }),
    });
    expect(res.status).toBe(200);
    expect((await put(sim.url)).status).toBe(503);
  });
});
