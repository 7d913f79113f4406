import { describe, expect, it, vi } from 'vitest';
import type { SimDeps } from '../../src/sim/sim-config.ts';
import { LEAD, makeSim, PAGE1, scriptedRandom } from '../_util/sim/sim-test-kit.ts';

const lead = { ...LEAD, name: 'Ana' };

/** A sleep that returns at once and remembers what it was asked to wait. */
function recordingSleep() {
  const waits: number[] = [];
  const sleep: SimDeps['sleep'] = async (ms) => {
    waits.push(ms);
  };
  return { waits, sleep };
}

describe('sim switches', () => {
  it('answers 503 when the injected roll falls under the error rate, and serves otherwise', async () => {
    const sim = makeSim({ switches: { errorRate: 0.3 } }, { random: scriptedRandom([0.29, 0.3]) });
    const failed = await sim.upsert(lead);
    expect(failed.status).toBe(503);
    expect(await failed.json()).toEqual({
      success: false,
      message: 'simulated failure (503)',
      code: 503,
    });
    expect((await sim.upsert(lead)).status).toBe(200);
    expect(sim.state.received()).toHaveLength(1);
  });

  it('answers every upsert with the fixed failing status and stores none', async () => {
    const sim = makeSim({ switches: { failStatus: 400 } });
    for (let i = 0; i < 3; i++) expect((await sim.upsert(lead)).status).toBe(400);
    expect(sim.state.received()).toEqual([]);
  });

  it('sends Retry-After on 429 and 503 when configured, and not on 500', async () => {
    const sim = makeSim({ switches: { failStatus: 429, retryAfterSeconds: 7 } });
    expect((await sim.upsert(lead)).headers.get('retry-after')).toBe('7');
    sim.state.setSwitches({ failStatus: 503 });
    expect((await sim.upsert(lead)).headers.get('retry-after')).toBe('7');
    sim.state.setSwitches({ failStatus: 500 });
    const plain = await sim.upsert(lead);
    expect(plain.status).toBe(500);
    expect(plain.headers.get('retry-after')).toBeNull();
  });

  it('leaves the listing alone unless faultScope is "all"', async () => {
    const sim = makeSim({ switches: { failStatus: 500 } });
    expect((await sim.list(PAGE1)).status).toBe(200);
    sim.state.setSwitches({ faultScope: 'all' });
    expect((await sim.list(PAGE1)).status).toBe(500);
  });

  it('waits latencyMs before answering either endpoint', async () => {
    const { waits, sleep } = recordingSleep();
    const sim = makeSim({ switches: { latencyMs: 250 } }, { sleep });
    await sim.upsert(lead);
    await sim.list(PAGE1);
    expect(waits).toEqual([250, 250]);
  });

  it('hangs for hangMs on a timeout roll, then serves the request if the client still waits', async () => {
    const { waits, sleep } = recordingSleep();
    const sim = makeSim(
      { switches: { timeoutRate: 0.5, hangMs: 45_000 } },
      { sleep, random: scriptedRandom([0.1, 0.9]) },
    );
    expect((await sim.upsert(lead)).status).toBe(200);
    expect((await sim.upsert(lead)).status).toBe(200);
    expect(waits).toEqual([45_000]);
  });

  it('stores nothing for a hanging request whose client gave up', async () => {
    const controller = new AbortController();
    const sleep: SimDeps['sleep'] = async () => {
      controller.abort();
    };
    const sim = makeSim({ switches: { timeoutRate: 1 } }, { sleep });
    const request = new Request('http://sim/inbox/direct/lead', {
      method: 'PUT',
      headers: { 'x-bp-token': 'test-token' },
      body: JSON.stringify(lead),
      signal: controller.signal,
    });
    await sim.app.request(request);
    expect(sim.state.received()).toEqual([]);
  });

  it('rolls the dice only for switches that are on', async () => {
    const random = vi.fn(() => 0.5);
    const sim = makeSim({}, { random });
    random.mockClear();
    await sim.upsert(lead);
    expect(random).not.toHaveBeenCalled();
  });
});
