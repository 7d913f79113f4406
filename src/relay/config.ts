// Environment → typed relay configuration. Every variable is checked and every problem is
// reported in one message, so an operator fixes a broken deployment in one go.
import { hostname } from 'node:os';
import { DEFAULT_ELEAPI_API_URL, LEAD_STATUSES, type LeadStatus } from '../shared/eleapi-api.ts';
import { ID_PATTERN } from '../shared/lead-fields.ts';
import { DEFAULT_CHALLENGE_COST, DEFAULT_CHALLENGE_TTL_SECONDS } from './challenge/defaults.ts';
import { DEFAULT_PAIR_LIMIT_PER_MINUTE } from './sites/defaults.ts';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface BotPair {
  botId: string;
  customerId: string;
}

export interface RelayConfig {
  apiUrl: string;
  token: string;
  listToken: string;
  allowedOrigins: readonly string[];
  allowedBots: readonly BotPair[];
  adminToken: string | undefined;
  dataDir: string;
  defaultStatus: LeadStatus | undefined;
  agentId: string | undefined;
  pictureUrl: string | undefined;
  rateLimitPerMinute: number;
  trustProxy: boolean;
  port: number;
  host: string;
  logLevel: LogLevel;
  /** Attempts before a dead letter; undefined (the default): only RELAY_MAX_AGE_HOURS ends retries. */
  maxAttempts: number | undefined;
  maxAgeHours: number;
  upstreamTimeoutMs: number;
  concurrency: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  deliveredRetentionHours: number;
  shutdownGraceMs: number;
  /** Lease owner of this process's claims, and in its logs. */
  instanceId: string;
  /** How long a claimed row stays leased to this process before another may take it over. */
  leaseMs: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Bearer token for `/metrics`; undefined with `metricsPublic` false means no `/metrics`. */
  metricsToken: string | undefined;
  metricsPublic: boolean;
  /** JSON file of sites (several on one relay); undefined: the one-site variables above. */
  sitesFile: string | undefined;
  /** Leads per minute per botId:customerId pair (RELAY_PAIR_LIMIT), unless a site sets its own. */
  pairLimitPerMinute: number;
  /** `pow`: submissions need a proof of work (RELAY_CHALLENGE). */
  challenge: 'off' | 'pow';
  /** HMAC key for challenges; required with `pow` or when a site turns it on. */
  challengeSecret: string | undefined;
  challengeCost: number;
  challengeTtlSeconds: number;
  /** postgres:// URL of the shared outbox; undefined keeps the SQLite outbox in dataDir. */
  databaseUrl: string | undefined;
  /** Most PostgreSQL connections this relay opens. */
  dbPool: number;
}

export type Env = Readonly<Record<string, string | undefined>>;

/** Thrown when the environment cannot make a valid config; the message lists every problem. */
export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(
      `the relay cannot start, fix these environment variables:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };
type Parser<T> = (raw: string) => Parsed<T>;
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (problem: string): Parsed<never> => ({ ok: false, problem });

const text: Parser<string> = ok;

const httpUrl: Parser<string> = (raw) => {
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    return bad('must be an http(s) URL like https://api.v7.express-chat.ai');
  }
  // fetch refuses such URLs with an error that quotes them, credentials and all.
  if (url.username || url.password) return bad('must not hold credentials (user:password@)');
  return ok(raw.replace(/\/+$/, ''));
};

const originList: Parser<string[]> = (raw) => {
  const origins: string[] = [];
  for (const item of splitList(raw)) {
    const url = URL.canParse(item) ? new URL(item) : undefined;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== item) {
      return bad(
        `must be a comma list of origins like https://www.example.com (scheme and host, no path or trailing slash): "${clip(item)}" is not one`,
      );
    }
    origins.push(url.origin);
  }
  return origins.length ? ok(origins) : bad('must list at least one origin');
};

const botList: Parser<BotPair[]> = (raw) => {
  const pairs: BotPair[] = [];
  for (const item of splitList(raw)) {
    const [botId = '', customerId = '', extra] = item.split(':').map((s) => s.trim());
    if (extra !== undefined || !ID_PATTERN.test(botId) || !ID_PATTERN.test(customerId)) {
      return bad(
        `must be a comma list of botId:customerId pairs (letters, digits, "_" or "-"): "${clip(item)}" is not one`,
      );
    }
    pairs.push({ botId, customerId });
  }
  return pairs.length ? ok(pairs) : bad('must list at least one botId:customerId pair');
};

const integer =
  (min: number, max: number): Parser<number> =>
  (raw) => {
    const value = Number(raw);
    return /^\d+$/.test(raw) && value >= min && value <= max
      ? ok(value)
      : bad(`must be a whole number from ${min} to ${max}`);
  };

const flag: Parser<boolean> = (raw) => {
  const value = raw.toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return ok(true);
  if (['0', 'false', 'no', 'off'].includes(value)) return ok(false);
  return bad('must be true or false');
};

const oneOf =
  <T extends string>(values: readonly T[], normalize: (s: string) => string): Parser<T> =>
  (raw) => {
    const value = values.find((v) => v === normalize(raw));
    return value ? ok(value) : bad(`must be one of ${values.join(', ')}`);
  };

// Says what is wrong with a database URL without quoting it: it usually holds a password.
function databaseUrlProblem(raw: string): string | undefined {
  const example = 'like postgres://user:password@db.example.com:5432/relay';
  if (!URL.canParse(raw))
    return `must be a postgres:// URL ${example} (it does not parse as a URL)`;
  const url = new URL(raw);
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    return `must start with postgres:// or postgresql:// (got ${url.protocol}//), ${example}`;
  }
  if (!url.hostname) return `must name a host, ${example}`;
  return undefined;
}

const agentId: Parser<string> = (raw) =>
  ID_PATTERN.test(raw) ? ok(raw) : bad('must be an agent id (letters, digits, "_" or "-")');

const instanceId: Parser<string> = (raw) =>
  /^[\x21-\x7e]{1,128}$/.test(raw)
    ? ok(raw)
    : bad('must be 1 to 128 printable ASCII characters without spaces');

// Unique per process: two relays on one outbox must never share a lease owner.
function defaultInstanceId(): string {
  return `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
}

function splitList(raw: string): string[] {
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

// Quotes what was given, short, and without where a URL may carry a secret: the credentials
// before "@", the query and the fragment.
function clip(value: string): string {
  const shown = value.replace(/(^|\/\/)[^/?#\s]*@/, '$1').replace(/[?#].*$/, '');
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}

/**
 * Builds the relay's config from environment variables (docs/contract.md §6), or throws
 * ConfigError naming every missing or malformed variable. There is no fallback to a stand-in API.
 */
export function loadConfig(env: Env): RelayConfig {
  const problems: string[] = [];
  // Blank counts as unset, so `FOO=` in an env file means "use the default".
  const raw = (name: string) => env[name]?.trim() || undefined;
  const read = <T>(name: string, parse: Parser<T>, fallback: T): T => {
    const value = raw(name);
    if (value === undefined) return fallback;
    const parsed = parse(value);
    if (parsed.ok) return parsed.value;
    problems.push(`${name} ${parsed.problem} (got "${clip(value)}")`);
    return fallback;
  };
  // Secrets are described in problems, never quoted.
  const secret = (name: string, minLength: number, fallback: string | undefined) => {
    const value = raw(name);
    if (value === undefined) return fallback;
    if (value.length >= minLength && !/\s/.test(value)) return value;
    problems.push(
      minLength > 1
        ? `${name} must be at least ${minLength} characters without spaces`
        : `${name} must not contain spaces`,
    );
    return fallback;
  };
  // A sites file holds the tokens, origins and pairs instead of these three.
  const sitesFile = read<string | undefined>('RELAY_SITES_FILE', text, undefined);
  for (const name of ['ELEAPI_TOKEN', 'RELAY_ALLOWED_ORIGINS', 'RELAY_ALLOWED_BOTS']) {
    if (raw(name) === undefined && !sitesFile) problems.push(`${name} is required`);
  }
  const challenge = read(
    'RELAY_CHALLENGE',
    oneOf(['off', 'pow'] as const, (s) => s.toLowerCase()),
    'off',
  );
  const challengeSecret = secret('RELAY_CHALLENGE_SECRET', 32, undefined);
  if (challenge === 'pow' && !challengeSecret && raw('RELAY_CHALLENGE_SECRET') === undefined) {
    problems.push(
      'RELAY_CHALLENGE_SECRET is required with RELAY_CHALLENGE=pow (32 characters or more)',
    );
  }
  const token = secret('ELEAPI_TOKEN', 1, '') ?? '';
  const upstreamTimeoutMs = read('RELAY_UPSTREAM_TIMEOUT_MS', integer(100, 120_000), 10_000);
  const config: RelayConfig = {
    apiUrl: read('ELEAPI_API_URL', httpUrl, DEFAULT_ELEAPI_API_URL),
    token,
    listToken: secret('ELEAPI_LIST_TOKEN', 1, token) ?? token,
    allowedOrigins: read('RELAY_ALLOWED_ORIGINS', originList, []),
    allowedBots: read('RELAY_ALLOWED_BOTS', botList, []),
    adminToken: secret('RELAY_ADMIN_TOKEN', 16, undefined),
    dataDir: read('RELAY_DATA_DIR', text, './data'),
    sitesFile,
    pairLimitPerMinute: DEFAULT_PAIR_LIMIT_PER_MINUTE, // set below, from RELAY_RATE_LIMIT
    challenge,
    challengeSecret,
    challengeCost: read('RELAY_CHALLENGE_COST', integer(2, 10_000_000), DEFAULT_CHALLENGE_COST),
    challengeTtlSeconds: read(
      'RELAY_CHALLENGE_TTL_SECONDS',
      integer(30, 86_400),
      DEFAULT_CHALLENGE_TTL_SECONDS,
    ),
    defaultStatus: read<LeadStatus | undefined>(
      'RELAY_DEFAULT_STATUS',
      oneOf(LEAD_STATUSES, (s) => s.toUpperCase()),
      undefined,
    ),
    agentId: read<string | undefined>('RELAY_AGENT_ID', agentId, undefined),
    pictureUrl: read<string | undefined>('RELAY_PICTURE_URL', httpUrl, undefined),
    rateLimitPerMinute: read('RELAY_RATE_LIMIT', integer(1, 1_000_000_000), 10),
    trustProxy: read('RELAY_TRUST_PROXY', flag, false),
    port: read('PORT', integer(0, 65_535), 8787),
    host: read('HOST', text, '127.0.0.1'),
    logLevel: read(
      'LOG_LEVEL',
      oneOf(LOG_LEVELS, (s) => s.toLowerCase()),
      'info',
    ),
    maxAttempts: read<number | undefined>('RELAY_MAX_ATTEMPTS', integer(1, 1_000_000), undefined),
    maxAgeHours: read('RELAY_MAX_AGE_HOURS', integer(1, 24 * 90), 72),
    upstreamTimeoutMs,
    concurrency: read('RELAY_CONCURRENCY', integer(1, 256), 16),
    backoffBaseMs: read('RELAY_BACKOFF_BASE_MS', integer(1, 3_600_000), 1_000),
    backoffCapMs: read('RELAY_BACKOFF_CAP_MS', integer(1, 86_400_000), 600_000),
    deliveredRetentionHours: read('RELAY_DELIVERED_RETENTION_HOURS', integer(0, 24 * 90), 24),
    shutdownGraceMs: read('RELAY_SHUTDOWN_GRACE_MS', integer(0, 600_000), 10_000),
    instanceId: read('RELAY_INSTANCE_ID', instanceId, defaultInstanceId()),
    // A lease outlives the longest attempt, with room to record its outcome.
    leaseMs: read(
      'RELAY_LEASE_MS',
      integer(1_000, 86_400_000),
      Math.max(60_000, 3 * upstreamTimeoutMs),
    ),
    headersTimeoutMs: read('RELAY_HEADERS_TIMEOUT_MS', integer(1_000, 600_000), 10_000),
    requestTimeoutMs: read('RELAY_REQUEST_TIMEOUT_MS', integer(1_000, 600_000), 15_000),
    metricsToken: secret('RELAY_METRICS_TOKEN', 16, undefined),
    metricsPublic: read('RELAY_METRICS_PUBLIC', flag, false),
    databaseUrl: raw('RELAY_DATABASE_URL'),
    dbPool: read('RELAY_DB_POOL', integer(1, 1000), 10),
  };
  config.metricsToken ??= config.adminToken;
  // Node refuses a server whose headers may take longer than the whole request.
  if (config.headersTimeoutMs > config.requestTimeoutMs) {
    problems.push('RELAY_HEADERS_TIMEOUT_MS must not exceed RELAY_REQUEST_TIMEOUT_MS');
  }
  config.pairLimitPerMinute = read(
    'RELAY_PAIR_LIMIT',
    integer(1, 1_000_000_000),
    // A deployment that raised its per-address limit gets no tighter cap from an upgrade.
    Math.max(DEFAULT_PAIR_LIMIT_PER_MINUTE, config.rateLimitPerMinute),
  );
  const databaseProblem = config.databaseUrl && databaseUrlProblem(config.databaseUrl);
  if (databaseProblem) problems.push(`RELAY_DATABASE_URL ${databaseProblem}`);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
