import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createChallengeService,
  openSqliteSpentStore,
  type SpentStore,
} from '../../../src/relay/challenge/index.ts';
import type { PowChallenge } from '../../../src/shared/pow-challenge.ts';
import { type TempDir, tempDir } from '../support/fixtures.ts';

const SECRET = 'challenge-secret-for-tests-0123456789';
const TTL_S = 600;

let dir: TempDir;
let spent: SpentStore;

afterEach(async () => {
  await spent.close();
  dir.remove();
});

// The clock starts at the real time: altcha-lib also checks expiry against Date.now().
function setup() {
  dir = tempDir();
  spent = openSqliteSpentStore(dir.path);
  const clock = { now: Date.now() };
  const service = createChallengeService({
    secret: SECRET,
    ttlSeconds: TTL_S,
    spent,
    now: () => clock.now,
  });
  return { clock, service };
}

async function solve(challenge: PowChallenge) {
  const solution = await solveChallenge({
    challenge: challenge as Parameters<typeof solveChallenge>[0]['challenge'],
    deriveKey,
  });
  if (!solution) throw new Error('no solution');
  return { challenge, solution };
}

const encode = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64');

describe('proof-of-work challenges', () => {
  it('issues a signed SHA-256 challenge that expires after the TTL', async () => {
    const { clock, service } = setup();
    const challenge = await service.issue(200, 'shop');
    expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(challenge.parameters).toMatchObject({
      algorithm: 'SHA-256',
      cost: 1,
      expiresAt: Math.floor(clock.now / 1000) + TTL_S,
      data: { site: 'shop' },
    });
  });

  it('puts the answer in the upper half of the cost, so no challenge is nearly free', async () => {
    const { service } = setup();
    for (let i = 0; i < 5; i++) {
      const { solution } = await solve(await service.issue(100, 'shop'));
      expect(solution.counter).toBeGreaterThanOrEqual(50);
      expect(solution.counter).toBeLessThanOrEqual(100);
    }
  });

  it('accepts a correct solution once and refuses it as replayed after', async () => {
    const { service } = setup();
    const payload = encode(await solve(await service.issue(100, 'shop')));
    expect(await service.verify(payload, 'shop')).toEqual({ ok: true });
    expect(await service.verify(payload, 'shop')).toMatchObject({ ok: false, reason: 'replayed' });
  });

  it('lets only one of two racing requests with the same solution through', async () => {
    const { service } = setup();
    const payload = encode(await solve(await service.issue(100, 'shop')));
    const verdicts = await Promise.all([
      service.verify(payload, 'shop'),
      service.verify(payload, 'shop'),
    ]);
    expect(verdicts.filter((v) => v.ok)).toHaveLength(1);
  });

  it('refuses a missing or malformed payload with a message saying what to send', async () => {
    const { service } = setup();
    expect(await service.verify(undefined, 'shop')).toEqual({
      ok: false,
      reason: 'missing',
      message: expect.stringContaining('GET /v1/challenge'),
    });
    for (const bad of ['not base64 json', encode({ challenge: 1 }), 'A'.repeat(5000)]) {
      expect(await service.verify(bad, 'shop')).toMatchObject({ ok: false, reason: 'malformed' });
    }
  });

  it('refuses a solution sent after the challenge expired (injected clock)', async () => {
    const { clock, service } = setup();
    const payload = encode(await solve(await service.issue(100, 'shop')));
    clock.now += TTL_S * 1000;
    expect(await service.verify(payload, 'shop')).toMatchObject({
      ok: false,
      reason: 'expired',
      message: expect.stringContaining('fetch a new challenge'),
    });
  });

  it('refuses a wrong counter, a forged key and tampered parameters as invalid', async () => {
    const { service } = setup();
    const good = await solve(await service.issue(100, 'shop'));
    const wrongCounter = {
      ...good,
      solution: { ...good.solution, counter: good.solution.counter + 1 },
    };
    const forgedKey = { ...good, solution: { ...good.solution, derivedKey: 'ab'.repeat(32) } };
    const cheaper = {
      ...good,
      challenge: {
        ...good.challenge,
        parameters: { ...good.challenge.parameters, keyPrefix: '00' },
      },
    };
    for (const payload of [wrongCounter, forgedKey, cheaper]) {
      expect(await service.verify(encode(payload), 'shop')).toMatchObject({
        ok: false,
        reason: 'invalid',
      });
    }
  });

  it("refuses one site's challenge on another site", async () => {
    const { service } = setup();
    const payload = encode(await solve(await service.issue(100, 'cheap-site')));
    expect(await service.verify(payload, 'shop')).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('refuses a challenge signed with another secret', async () => {
    const { service } = setup();
    const other = createChallengeService({
      secret: 'another-secret-another-secret',
      ttlSeconds: TTL_S,
      spent,
      now: Date.now,
    });
    const payload = encode(await solve(await other.issue(100, 'shop')));
    expect(await service.verify(payload, 'shop')).toMatchObject({ ok: false, reason: 'invalid' });
  });
});
