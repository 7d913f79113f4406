// In-process helpers for the sim tests: a sim with scripted time and chance, and request makers.
import { createSim } from '../../../src/sim/create-sim.ts';
import type { SimDeps, SimOptions } from '../../../src/sim/sim-config.ts';

export const TOKEN = 'test-token';

/** A clock that moves only when told to. */
export function fakeClock(start = '2024-03-01T10:00:00.000Z') {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

/** Returns the given rolls in order, then 0.999 (a roll no rate below 1 hits). */
export function scriptedRandom(rolls: number[] = []) {
  const queue = [...rolls];
  return () => queue.shift() ?? 0.999;
}

export function makeSim(options: SimOptions = {}, deps: Partial<SimDeps> = {}) {
  const clock = fakeClock();
  const sim = createSim(
    { token: TOKEN, ...options },
    { now: clock.now, random: scriptedRandom(), ...deps },
  );
  const upsert = (body: unknown, token: string | null = TOKEN) =>
    sim.app.request('/inbox/direct/lead', {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        ...(token === null ? {} : { 'x-bp-token': token }),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const list = (query: Record<string, string>, token: string | null = TOKEN) =>
    sim.app.request(`/inbox/direct/chats?${new URLSearchParams(query)}`, {
      headers: token === null ? {} : { 'x-bot-token': token },
    });
  return { ...sim, clock, upsert, list };
}

export const LEAD = {
  uuid: '7e88d192-9b20-4035-9b68-d4ac3d58a34f',
  botId: 'bot1',
  customerId: 'cust1',
};
export const PAGE1 = { botId: 'bot1', customerId: 'cust1', page: '1', type: 'lead' };
