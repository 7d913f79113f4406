import { afterEach, describe, expect, it } from 'vitest';
import { defaultSimDeps } from '../../src/sim/create-sim.ts';
import type { SimDeps } from '../../src/sim/sim-config.ts';
import { type StartedSim, startSim } from '../_util/sim/start-sim.ts';

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

/** The real sleep, plus a promise that settles once the sim holds a request hanging. */
function watchedSleep(): { sleep: SimDeps['sleep']; hanging: Promise<void> } {
  let hung = () => {};
  const hanging = new Promise<void>((resolve) => {
    hung = resolve;
  });
  const sleep: SimDeps['sleep'] = (ms, signal) => {
    hung();
    return defaultSimDeps.sleep(ms, signal);
  };
  return { sleep, hanging };
}

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
    const { sleep, hanging } = watchedSleep();
    sim = await startSim({}, { sleep });
    sim.setConfig({ timeoutRate: 1, hangMs: 600_000 });
    // The client gives up only once the sim holds its request: a request still on its way when
    // the switch goes back would be served, and received, after all.
    const giveUp = new AbortController();
    const attempt = put(sim.url, { signal: giveUp.signal });
    await hanging;
    giveUp.abort();
    await expect(attempt).rejects.toThrow();
    sim.setConfig({ timeoutRate: 0 });
    expect((await put(sim.url)).status).toBe(200);
    expect(sim.received()).toHaveLength(1);
  });

  it('closes promptly while a request is still hanging', async () => {
    const { sleep, hanging } = watchedSleep();
    sim = await startSim({ switches: { timeoutRate: 1, hangMs: 600_000 } }, { sleep });
    const pending = put(sim.url).then(
      (res) => res.status,
      () => 'dropped',
    );
    await hanging;
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
