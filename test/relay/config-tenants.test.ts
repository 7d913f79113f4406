// The issue-13 variables: sites file, proof of work, per-pair limit.
import { describe, expect, it } from 'vitest';
import { type ConfigError, loadConfig } from '../../src/relay/config.ts';

const oneSite = {
  ELEAPI_TOKEN: 'tok',
  RELAY_ALLOWED_ORIGINS: 'https://a.example.com',
  RELAY_ALLOWED_BOTS: 'b:c',
};

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('loadConfig for sites and spam protection', () => {
  it('defaults to no proof of work and a per-pair limit of 60 (or the per-address limit when higher)', () => {
    expect(loadConfig(oneSite)).toMatchObject({
      challenge: 'off',
      challengeCost: 20_000,
      challengeTtlSeconds: 1800,
      pairLimitPerMinute: 60,
      sitesFile: undefined,
    });
    expect(loadConfig({ ...oneSite, RELAY_RATE_LIMIT: '500' }).pairLimitPerMinute).toBe(500);
    expect(loadConfig({ ...oneSite, RELAY_PAIR_LIMIT: '5' }).pairLimitPerMinute).toBe(5);
  });

  it('needs none of the one-site variables when RELAY_SITES_FILE is set', () => {
    expect(loadConfig({ RELAY_SITES_FILE: '/etc/sites.json' }).sitesFile).toBe('/etc/sites.json');
  });

  it('requires a 32-character RELAY_CHALLENGE_SECRET with RELAY_CHALLENGE=pow, never quoting it', () => {
    expect(problems({ ...oneSite, RELAY_CHALLENGE: 'pow' })).toEqual([
      'RELAY_CHALLENGE_SECRET is required with RELAY_CHALLENGE=pow (32 characters or more)',
    ]);
    const short = problems({
      ...oneSite,
      RELAY_CHALLENGE: 'pow',
      RELAY_CHALLENGE_SECRET: 'short_SECRET',
    });
    expect(short).toEqual(['RELAY_CHALLENGE_SECRET must be at least 32 characters without spaces']);
    expect(
      loadConfig({ ...oneSite, RELAY_CHALLENGE: 'POW', RELAY_CHALLENGE_SECRET: 'x'.repeat(32) })
        .challenge,
    ).toBe('pow');
  });

  it('names malformed challenge and limit variables with what was expected', () => {
    expect(
      problems({
        ...oneSite,
        RELAY_CHALLENGE: 'yes',
        RELAY_CHALLENGE_COST: '1',
        RELAY_PAIR_LIMIT: '0',
      }),
    ).toEqual([
      'RELAY_CHALLENGE must be one of off, pow (got "yes")',
      'RELAY_CHALLENGE_COST must be a whole number from 2 to 10000000 (got "1")',
      'RELAY_PAIR_LIMIT must be a whole number from 1 to 1000000000 (got "0")',
    ]);
  });
});
