// The stand-in API's settings: fixed ones (tokens, seed) and the switches that tests, the demo
// and `POST /_sim/config` change at run time to show latency, outages and timeouts.
import * as z from 'zod/mini';

/** Chats per page of `GET /inbox/direct/chats`. The vendor page does not say; 20 is ours. */
export const SIM_PAGE_SIZE = 20;
export const DEFAULT_SIM_TOKEN = 'sim-token';

const rate = (name: string) =>
  z
    .number(`${name} must be a number from 0 to 1`)
    .check(
      z.gte(0, `${name} must be a number from 0 to 1`),
      z.lte(1, `${name} must be a number from 0 to 1`),
    );

const milliseconds = (name: string) =>
  z
    .int(`${name} must be a whole number of milliseconds`)
    .check(
      z.gte(0, `${name} must be 0 or more`),
      z.lte(600_000, `${name} must be at most 600000 (10 minutes)`),
    );

/** The run-time switches. Each is validated with a message naming it. */
export const simSwitchesSchema = z.strictObject(
  {
    /** Delay before every eleapi answer. */
    latencyMs: milliseconds('latencyMs'),
    /** Share of requests answered 503 (0..1), rolled with the injected `random`. */
    errorRate: rate('errorRate'),
    /** Status every upsert answers with (e.g. 400, 429, 500); null = behave normally. */
    failStatus: z.nullable(
      z
        .int('failStatus must be an HTTP status')
        .check(
          z.gte(400, 'failStatus must be an HTTP error status from 400 to 599'),
          z.lte(599, 'failStatus must be an HTTP error status from 400 to 599'),
        ),
    ),
    /** Share of requests that hang for `hangMs` (or until the client gives up) before answering. */
    timeoutRate: rate('timeoutRate'),
    /** How long a "timed out" request hangs before it is answered after all. */
    hangMs: milliseconds('hangMs'),
    /** `Retry-After` seconds sent with 429 and 503 answers; null = no header. */
    retryAfterSeconds: z.nullable(
      z
        .int('retryAfterSeconds must be whole seconds')
        .check(z.gte(0, 'retryAfterSeconds must be 0 or more')),
    ),
    /** Which endpoints the failure switches hit: the upsert only (default) or the listing too. */
    faultScope: z.enum(['upsert', 'all'], 'faultScope must be "upsert" or "all"'),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown switch(es) ${issue.keys.map((k) => `"${k}"`).join(', ')}`
        : 'switches must be a JSON object',
  },
);
export type SimSwitches = z.infer<typeof simSwitchesSchema>;

/** A partial update of the switches, as `POST /_sim/config` and `setConfig` take it. */
export const simSwitchesPatchSchema = z.partial(simSwitchesSchema);
export type SimSwitchesPatch = z.infer<typeof simSwitchesPatchSchema>;

export const DEFAULT_SIM_SWITCHES: SimSwitches = {
  latencyMs: 0,
  errorRate: 0,
  failStatus: null,
  timeoutRate: 0,
  hangMs: 30_000,
  retryAfterSeconds: null,
  faultScope: 'upsert',
};

/** Everything the sim is built with. Switches given here are where `/_sim/reset` returns to. */
export interface SimOptions {
  /** Token `x-bp-token` must carry on the upsert. */
  token?: string;
  /** Token `x-bot-token` must carry on the listing; defaults to `token`. */
  listToken?: string;
  switches?: SimSwitchesPatch;
  /** Demo chats created at start (and again on reset) so the leads page has pages. */
  seed?: { count: number; botId: string; customerId: string };
}

/** What the sim's parts read from: injected so tests control time and chance. */
export interface SimDeps {
  now: () => Date;
  /** Uniform in [0, 1), like Math.random. */
  random: () => number;
  /** Resolves after `ms`, or at once when `signal` aborts. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}
