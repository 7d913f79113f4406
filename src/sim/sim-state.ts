// Everything the sim remembers: chats, the upserts it accepted, and the live switches.
import type { UpsertLeadBody } from '../shared/eleapi-api.ts';
import { describeIssues } from '../shared/field-issues.ts';
import { type ChatStore, createChatStore } from './chat-store.ts';
import { createObjectIdFactory, seededRandom } from './object-id.ts';
import { seedChats } from './seed-chats.ts';
import {
  DEFAULT_SIM_SWITCHES,
  type SimDeps,
  type SimOptions,
  type SimSwitches,
  simSwitchesPatchSchema,
} from './sim-config.ts';

/** One upsert the sim accepted, as it arrived: what "the vendor received". */
export interface ReceivedUpsert {
  /** Request headers, names lower-cased. */
  headers: Record<string, string>;
  body: UpsertLeadBody;
  /** ISO time it was accepted. */
  at: string;
}

export interface SimState {
  store: ChatStore;
  received(): ReceivedUpsert[];
  recordUpsert(headers: Record<string, string>, body: UpsertLeadBody): void;
  switches(): SimSwitches;
  /** Validates and applies a partial update; throws SimConfigError naming the bad switch. */
  setSwitches(patch: unknown): SimSwitches;
  /** Forgets chats and received upserts, re-seeds, and puts the switches back to the start. */
  reset(): void;
}

export class SimConfigError extends Error {
  override readonly name = 'SimConfigError';
}

export function createSimState(options: SimOptions, deps: SimDeps): SimState {
  const newId = createObjectIdFactory(deps.now);
  const store = createChatStore({ now: deps.now, newId });
  const initial = applyPatch(DEFAULT_SIM_SWITCHES, options.switches ?? {});
  let switches = initial;
  let received: ReceivedUpsert[] = [];

  // Demo data comes from its own seeded generator: the same chats every run, and the
  // injected `random` stays free for the fault switches.
  const seed = () => {
    if (!options.seed || options.seed.count === 0) return;
    const random = seededRandom(options.seed.count);
    for (const chat of seedChats({ ...options.seed, now: deps.now(), newId, random })) {
      store.insert(chat);
    }
  };
  seed();

  return {
    store,
    received: () => received.map((r) => ({ ...r, headers: { ...r.headers } })),
    recordUpsert(headers, body) {
      store.upsert(body);
      received.push({ headers: lowerCased(headers), body, at: deps.now().toISOString() });
    },
    switches: () => ({ ...switches }),
    setSwitches(patch) {
      switches = applyPatch(switches, patch);
      return { ...switches };
    },
    reset() {
      store.clear();
      received = [];
      switches = initial;
      seed();
    },
  };
}

function applyPatch(current: SimSwitches, patch: unknown): SimSwitches {
  const parsed = simSwitchesPatchSchema.safeParse(patch);
  if (!parsed.success) throw new SimConfigError(describeIssues(parsed.error));
  const next = { ...current };
  for (const [key, value] of Object.entries(parsed.data)) {
    if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  }
  return next;
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
