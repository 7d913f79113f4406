// `eleapi-sim` flags and their ELEAPI_SIM_* environment twins, parsed and checked into one list
// of problems that names each flag (or variable) and what it expects. Flags win over env.
import { parseArgs } from 'node:util';
import { DEFAULT_SIM_TOKEN, type SimOptions, type SimSwitchesPatch } from './sim-config.ts';

export interface SimCliOptions {
  help: boolean;
  port: number;
  host: string;
  sim: SimOptions;
}

type Kind = 'text' | 'port' | 'ms' | 'rate' | 'status' | 'seconds' | 'count' | 'scope';

interface Spec {
  kind: Kind;
  env: string;
  default?: string;
}

const SPECS = {
  port: { kind: 'port', env: 'ELEAPI_SIM_PORT', default: '8788' },
  host: { kind: 'text', env: 'ELEAPI_SIM_HOST', default: '127.0.0.1' },
  token: { kind: 'text', env: 'ELEAPI_SIM_TOKEN', default: DEFAULT_SIM_TOKEN },
  'list-token': { kind: 'text', env: 'ELEAPI_SIM_LIST_TOKEN' },
  'latency-ms': { kind: 'ms', env: 'ELEAPI_SIM_LATENCY_MS' },
  'error-rate': { kind: 'rate', env: 'ELEAPI_SIM_ERROR_RATE' },
  'fail-status': { kind: 'status', env: 'ELEAPI_SIM_FAIL_STATUS' },
  'timeout-rate': { kind: 'rate', env: 'ELEAPI_SIM_TIMEOUT_RATE' },
  'hang-ms': { kind: 'ms', env: 'ELEAPI_SIM_HANG_MS' },
  'retry-after': { kind: 'seconds', env: 'ELEAPI_SIM_RETRY_AFTER' },
  'fault-scope': { kind: 'scope', env: 'ELEAPI_SIM_FAULT_SCOPE' },
  seed: { kind: 'count', env: 'ELEAPI_SIM_SEED' },
  'seed-bot-id': { kind: 'text', env: 'ELEAPI_SIM_SEED_BOT_ID', default: 'demo-bot' },
  'seed-customer-id': {
    kind: 'text',
    env: 'ELEAPI_SIM_SEED_CUSTOMER_ID',
    default: 'demo-customer',
  },
} as const satisfies Record<string, Spec>;
type Flag = keyof typeof SPECS;

const EXPECTS: Record<Kind, string> = {
  text: 'a non-empty value',
  port: 'a port number from 0 to 65535',
  ms: 'whole milliseconds from 0 to 600000',
  rate: 'a number from 0 to 1',
  status: 'an HTTP error status from 400 to 599',
  seconds: 'whole seconds, 0 or more',
  count: 'a whole number from 0 to 10000',
  scope: '"upsert" or "all"',
};

function check(kind: Kind, raw: string): string | number | undefined {
  const int = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  const num = /^\d+(\.\d+)?$|^\.\d+$/.test(raw) ? Number(raw) : Number.NaN;
  switch (kind) {
    case 'text':
      return raw.trim() === '' ? undefined : raw.trim();
    case 'port':
      return int <= 65535 ? int : undefined;
    case 'ms':
      return int <= 600_000 ? int : undefined;
    case 'rate':
      return num <= 1 ? num : undefined;
    case 'status':
      return int >= 400 && int <= 599 ? int : undefined;
    case 'seconds':
      return Number.isSafeInteger(int) ? int : undefined;
    case 'count':
      return int <= 10_000 ? int : undefined;
    case 'scope':
      return raw === 'upsert' || raw === 'all' ? raw : undefined;
  }
}

export const SIM_USAGE = `Usage: eleapi-sim [options]   (a local stand-in for the eleapi API; never expose it)
  --port N              listen port (default 8788; 0 = any free port)     env ELEAPI_SIM_PORT
  --host H              listen address (default 127.0.0.1)                env ELEAPI_SIM_HOST
  --token T             token for x-bp-token and x-bot-token (default sim-token)  env ELEAPI_SIM_TOKEN
  --list-token T        a different token for x-bot-token                 env ELEAPI_SIM_LIST_TOKEN
  --latency-ms N        delay before every answer                         env ELEAPI_SIM_LATENCY_MS
  --error-rate R        share of upserts answered 503 (0..1)              env ELEAPI_SIM_ERROR_RATE
  --fail-status S       answer every upsert with this status (400..599)   env ELEAPI_SIM_FAIL_STATUS
  --timeout-rate R      share of upserts that hang (0..1)                 env ELEAPI_SIM_TIMEOUT_RATE
  --hang-ms N           how long a hanging request waits (default 30000)  env ELEAPI_SIM_HANG_MS
  --retry-after S       Retry-After seconds on 429/503                    env ELEAPI_SIM_RETRY_AFTER
  --fault-scope X       "upsert" (default) or "all" endpoints fail        env ELEAPI_SIM_FAULT_SCOPE
  --seed N              create N demo leads at start                      env ELEAPI_SIM_SEED
  --seed-bot-id ID      bot of the demo leads (default demo-bot)          env ELEAPI_SIM_SEED_BOT_ID
  --seed-customer-id ID customer of the demo leads (default demo-customer) env ELEAPI_SIM_SEED_CUSTOMER_ID
  --help                show this`;

/** Parses argv (without node and script) and env; answers the options or every problem found. */
export function parseSimCli(
  args: string[],
  env: NodeJS.ProcessEnv,
): { ok: true; options: SimCliOptions } | { ok: false; problems: string[] } {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(args);
  } catch (error) {
    return { ok: false, problems: [(error as Error).message] };
  }
  const problems: string[] = [];
  const value = (flag: Flag) => {
    const spec: Spec = SPECS[flag];
    const fromFlag = parsed.values[flag];
    const raw = fromFlag ?? env[spec.env] ?? spec.default;
    if (raw === undefined) return undefined;
    const checked = check(spec.kind, raw);
    if (checked === undefined) {
      const source = fromFlag === undefined ? spec.env : `--${flag}`;
      problems.push(`${source} must be ${EXPECTS[spec.kind]} (got "${raw}")`);
    }
    return checked;
  };
  const switches: SimSwitchesPatch = {};
  const set = <K extends keyof SimSwitchesPatch>(key: K, v: unknown) => {
    if (v !== undefined) switches[key] = v as SimSwitchesPatch[K];
  };
  set('latencyMs', value('latency-ms'));
  set('errorRate', value('error-rate'));
  set('failStatus', value('fail-status'));
  set('timeoutRate', value('timeout-rate'));
  set('hangMs', value('hang-ms'));
  set('retryAfterSeconds', value('retry-after'));
  set('faultScope', value('fault-scope'));
  const port = value('port') as number;
  const host = value('host') as string;
  const token = value('token') as string;
  const listToken = value('list-token') as string | undefined;
  const count = value('seed') as number | undefined;
  const botId = value('seed-bot-id') as string;
  const customerId = value('seed-customer-id') as string;
  if (problems.length > 0) return { ok: false, problems };
  const sim: SimOptions = { token, switches };
  if (listToken !== undefined) sim.listToken = listToken;
  if (count) sim.seed = { count, botId, customerId };
  return { ok: true, options: { help: parsed.values.help === true, port, host, sim } };
}

function parseFlags(args: string[]) {
  const options = Object.fromEntries(
    Object.keys(SPECS).map((flag) => [flag, { type: 'string' as const }]),
  ) as Record<Flag, { type: 'string' }>;
  return parseArgs({
    args,
    options: { ...options, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  });
}
