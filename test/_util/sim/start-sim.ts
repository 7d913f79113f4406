// The stand-in eleapi API on a real HTTP port for tests: 127.0.0.1, a free port, in-process.
import type { UpsertLeadBody } from '../../../src/shared/eleapi-api.ts';
import { serveSim } from '../../../src/sim/serve-sim.ts';
import type { SimDeps, SimOptions, SimSwitchesPatch } from '../../../src/sim/sim-config.ts';
import type { ReceivedUpsert } from '../../../src/sim/sim-state.ts';

export type { ReceivedUpsert, SimSwitchesPatch, UpsertLeadBody };

export interface StartedSim {
  url: string;
  /** Upserts the sim accepted (answered 200), oldest first. */
  received(): ReceivedUpsert[];
  /** Changes switches (latencyMs, errorRate, failStatus, timeoutRate, hangMs, retryAfterSeconds, faultScope). Throws on a bad value. */
  setConfig(partial: SimSwitchesPatch): void;
  /** Forgets chats and received upserts and restores the starting switches. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * @example
 * const sim = await startSim({ token: 'sim-token' });
 * sim.setConfig({ errorRate: 1 });
 * await sim.close();
 */
export async function startSim(
  options: SimOptions = {},
  deps: Partial<SimDeps> = {},
): Promise<StartedSim> {
  const running = await serveSim(options, { port: 0, host: '127.0.0.1' }, deps);
  return {
    url: running.url,
    received: () => running.state.received(),
    setConfig: (partial) => {
      running.state.setSwitches(partial);
    },
    reset: () => running.state.reset(),
    close: () => running.close(),
  };
}
