// RELAY_SITES_FILE: several sites on one relay, as JSON. Every problem is reported with its
// JSON path; tokens are described, never quoted.
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { DEFAULT_CHALLENGE_COST } from '../challenge/defaults.ts';
import { DEFAULT_PAIR_LIMIT_PER_MINUTE, pairKey, type Site } from './site.ts';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

const isOrigin = (value: string) => {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  return !!url && (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
};

const token = (what: string) =>
  z.string(`${what} must be a text token`).check(
    z.minLength(1, `${what} must not be empty`),
    z.refine((s) => !/\s/.test(s), `${what} must not contain spaces`),
  );

const perMinute = (what: string) =>
  z
    .int(`${what} must be a whole number`)
    .check(
      z.minimum(1, `${what} must be at least 1`),
      z.maximum(1_000_000_000, `${what} must be at most 1000000000`),
    );

const siteSchema = z.strictObject(
  {
    name: z
      .string('name must be text')
      .check(
        z.regex(
          /^[a-z0-9][a-z0-9_-]{0,63}$/,
          'name must be 1-64 lower-case letters, digits, "_" or "-"',
        ),
      ),
    origins: z
      .array(
        z
          .string('an origin must be text')
          .check(
            z.refine(
              isOrigin,
              'must be an origin like https://www.example.com (scheme and host, no path)',
            ),
          ),
        'origins must be a list of origins',
      )
      .check(z.minLength(1, 'origins must list at least one origin')),
    bots: z
      .array(
        z.string('a bot pair must be text').check(
          z.refine((s) => {
            const [bot = '', customer = '', extra] = s.split(':');
            return extra === undefined && ID.test(bot) && ID.test(customer);
          }, 'must be a botId:customerId pair (letters, digits, "_" or "-")'),
        ),
        'bots must be a list of "botId:customerId" pairs',
      )
      .check(z.minLength(1, 'bots must list at least one botId:customerId pair')),
    token: token('token'),
    listToken: z.optional(token('listToken')),
    rateLimit: z.optional(perMinute('rateLimit')),
    pairLimit: z.optional(perMinute('pairLimit')),
    challenge: z.optional(
      z.strictObject(
        {
          enabled: z.optional(z.boolean('challenge.enabled must be true or false')),
          cost: z.optional(
            z
              .int('challenge.cost must be a whole number')
              .check(
                z.minimum(2, 'challenge.cost must be at least 2'),
                z.maximum(10_000_000, 'challenge.cost must be at most 10000000'),
              ),
          ),
        },
        { error: () => 'challenge must be an object with "enabled" and "cost" only' },
      ),
    ),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`
        : 'a site must be a JSON object',
  },
);

const fileSchema = z.strictObject(
  {
    sites: z
      .array(siteSchema, 'sites must be a list')
      .check(z.minLength(1, 'sites must list at least one site')),
  },
  { error: () => 'the file must be a JSON object {"sites": [...]} and nothing else' },
);

/** Defaults a site falls back to when the file leaves a setting out (the environment's). */
export interface SiteDefaults {
  rateLimitPerMinute: number;
  pairLimitPerMinute?: number;
  challengeEnabled: boolean;
  challengeCost?: number;
}

export class SitesFileError extends Error {
  readonly problems: readonly string[];
  constructor(path: string, problems: readonly string[]) {
    super(`the sites file ${path} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SitesFileError';
    this.problems = problems;
  }
}

// `sites[1].origins[0]`, the way a reader finds it in the file.
function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) =>
      typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key),
    '',
  );
}

/** Validates parsed JSON into sites, or lists every problem by path. */
export function parseSites(
  json: unknown,
  defaults: SiteDefaults,
): { sites: Site[] } | { problems: string[] } {
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((i) => `${jsonPath(i.path) || '(file)'}: ${i.message}`),
    };
  }
  const problems: string[] = [];
  const seen = {
    name: new Map<string, number>(),
    origin: new Map<string, number>(),
    pair: new Map<string, number>(),
  };
  const claim = (kind: keyof typeof seen, value: string, where: string, index: number) => {
    const first = seen[kind].get(value);
    if (first === undefined) seen[kind].set(value, index);
    else problems.push(`${where}: ${kind} "${value}" is already used by sites[${first}]`);
  };
  const sites = parsed.data.sites.map((raw, i): Site => {
    claim('name', raw.name, `sites[${i}].name`, i);
    for (const [j, o] of raw.origins.entries()) claim('origin', o, `sites[${i}].origins[${j}]`, i);
    const bots = raw.bots.map((pair, j) => {
      const [botId = '', customerId = ''] = pair.split(':');
      claim('pair', pairKey({ botId, customerId }), `sites[${i}].bots[${j}]`, i);
      return { botId, customerId };
    });
    return {
      name: raw.name,
      origins: raw.origins,
      bots,
      token: raw.token,
      listToken: raw.listToken ?? raw.token,
      rateLimitPerMinute: raw.rateLimit ?? defaults.rateLimitPerMinute,
      pairLimitPerMinute:
        raw.pairLimit ?? defaults.pairLimitPerMinute ?? DEFAULT_PAIR_LIMIT_PER_MINUTE,
      challenge: {
        enabled: raw.challenge?.enabled ?? defaults.challengeEnabled,
        cost: raw.challenge?.cost ?? defaults.challengeCost ?? DEFAULT_CHALLENGE_COST,
      },
    };
  });
  return problems.length ? { problems } : { sites };
}

/** Reads and validates the file; throws SitesFileError naming every problem. */
export function readSitesFile(path: string, defaults: SiteDefaults): Site[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    // JSON.parse quotes the text around a mistake, which may be a token: keep only the position.
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    const why =
      error instanceof SyntaxError
        ? `is not valid JSON${at ? ` (at character ${at})` : ''}`
        : `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
    throw new SitesFileError(path, [`(file): ${why}`]);
  }
  const result = parseSites(json, defaults);
  if ('problems' in result) throw new SitesFileError(path, result.problems);
  return result.sites;
}
