import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSiteDirectory,
  parseSites,
  readSitesFile,
  SitesFileError,
} from '../../../src/relay/sites/index.ts';
import { type TempDir, tempDir } from '../support/fixtures.ts';

const defaults = { rateLimitPerMinute: 10, challengeEnabled: false };
const TOKEN_A = 'tok_A_SECRET_111';
const TOKEN_B = 'tok_B_SECRET_222';

const siteA = {
  name: 'shop-a',
  origins: ['https://a.example.com'],
  bots: ['botA:custA'],
  token: TOKEN_A,
};
const siteB = {
  name: 'shop-b',
  origins: ['https://b.example.com', 'https://www.b.example.com'],
  bots: ['botB:custB', 'botB2:custB'],
  token: TOKEN_B,
  listToken: 'list_B_SECRET_333',
  rateLimit: 5,
  pairLimit: 3,
  challenge: { enabled: true, cost: 1000 },
};

let dir: TempDir | undefined;
afterEach(() => dir?.remove());

function problemsOf(json: unknown): string[] {
  const result = parseSites(json, defaults);
  return 'problems' in result ? result.problems : [];
}

describe('the sites file', () => {
  it('reads sites with their defaults filled from the environment', () => {
    const result = parseSites({ sites: [siteA, siteB] }, defaults);
    expect(result).toEqual({
      sites: [
        {
          name: 'shop-a',
          origins: ['https://a.example.com'],
          bots: [{ botId: 'botA', customerId: 'custA' }],
          token: TOKEN_A,
          listToken: TOKEN_A,
          rateLimitPerMinute: 10,
          pairLimitPerMinute: 60,
          challenge: { enabled: false, cost: 20_000 },
        },
        expect.objectContaining({
          name: 'shop-b',
          listToken: 'list_B_SECRET_333',
          rateLimitPerMinute: 5,
          pairLimitPerMinute: 3,
          challenge: { enabled: true, cost: 1000 },
        }),
      ],
    });
  });

  it('names every problem by its JSON path', () => {
    const problems = problemsOf({
      sites: [
        { name: 'Bad Name', origins: ['https://a.example.com/path'], bots: ['nocolon'], token: '' },
        {
          ...siteB,
          rateLimit: 0,
          pairLimit: 'many',
          challenge: { cost: 1, extra: true },
          colour: 'red',
        },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^sites\[0\]\.name: name must be/),
        expect.stringMatching(/^sites\[0\]\.origins\[0\]: must be an origin/),
        expect.stringMatching(/^sites\[0\]\.bots\[0\]: must be a botId:customerId pair/),
        expect.stringMatching(/^sites\[0\]\.token: token must not be empty/),
        expect.stringMatching(/^sites\[1\]\.rateLimit: rateLimit must be at least 1/),
        expect.stringMatching(/^sites\[1\]\.pairLimit: pairLimit must be a whole number/),
        expect.stringMatching(/^sites\[1\]\.challenge: /),
        expect.stringMatching(/^sites\[1\]: unknown field\(s\) "colour"/),
      ]),
    );
  });

  it('refuses a name, origin or bot pair claimed by two sites', () => {
    const problems = problemsOf({
      sites: [
        siteA,
        { ...siteB, name: 'shop-a', origins: ['https://a.example.com'], bots: ['botA:custA'] },
      ],
    });
    expect(problems).toEqual([
      'sites[1].name: name "shop-a" is already used by sites[0]',
      'sites[1].origins[0]: origin "https://a.example.com" is already used by sites[0]',
      'sites[1].bots[0]: pair "botA:custA" is already used by sites[0]',
    ]);
  });

  it('refuses an empty or wrongly shaped file', () => {
    expect(problemsOf({ sites: [] })).toEqual(['sites: sites must list at least one site']);
    expect(problemsOf([])).toEqual([
      expect.stringMatching(/^\(file\): the file must be a JSON object/),
    ]);
  });

  it('never quotes a token in its errors, even in broken JSON', () => {
    dir = tempDir();
    const path = join(dir.path, 'sites.json');
    writeFileSync(path, `{"sites":[{"name":"x","token":"${TOKEN_A}" "origins":[]}]}`);
    const error = (() => {
      try {
        readSitesFile(path, defaults);
      } catch (e) {
        return e as SitesFileError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SitesFileError);
    expect(error?.message).toMatch(/is not valid JSON/);
    expect(error?.message).not.toContain(TOKEN_A);
    writeFileSync(path, JSON.stringify({ sites: [{ ...siteA, token: 'has space' }] }));
    expect(() => readSitesFile(path, defaults)).toThrow(
      /sites\[0\]\.token: token must not contain spaces/,
    );
    expect(() => readSitesFile(path, defaults)).not.toThrow(/has space/);
  });
});

describe('site directory', () => {
  const result = parseSites({ sites: [siteA, siteB] }, defaults);
  const directory = createSiteDirectory('sites' in result ? result.sites : []);
  const a = { botId: 'botA', customerId: 'custA' };
  const b = { botId: 'botB', customerId: 'custB' };

  it("accepts a pair only from its own site's origins", () => {
    expect(directory.check('https://a.example.com', a)).toMatchObject({
      ok: true,
      site: { name: 'shop-a' },
    });
    expect(directory.check('https://www.b.example.com', b)).toMatchObject({
      ok: true,
      site: { name: 'shop-b' },
    });
    expect(directory.check('https://a.example.com', b)).toEqual({ ok: false, reason: 'bot_pair' });
    expect(directory.check('https://evil.example', a)).toEqual({ ok: false, reason: 'origin' });
  });

  it('lets a caller without an Origin post for any known pair', () => {
    expect(directory.check(undefined, b)).toMatchObject({ ok: true, site: { name: 'shop-b' } });
    expect(directory.check(undefined, { botId: 'x', customerId: 'y' })).toEqual({
      ok: false,
      reason: 'bot_pair',
    });
  });

  it('lists every token for the redactor', () => {
    expect(directory.secrets()).toEqual([TOKEN_A, TOKEN_A, TOKEN_B, 'list_B_SECRET_333']);
  });
});
