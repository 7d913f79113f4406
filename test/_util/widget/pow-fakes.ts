// Stand-ins for the proof of work: challenges as the relay answers them and solved payloads
// whose expiry a test chooses, without any hashing.
import type { PowChallenge } from '../../../src/shared/pow-challenge.ts';

/** The tests' now, a whole second, so challenges made from it expire when the test says. */
export const NOW_MS = Math.floor(Date.now() / 1000) * 1000;

/** A challenge as GET /v1/challenge answers it; `id` tells one apart from another. */
export function challengeFor(id: string, expiresInS = 1800): PowChallenge {
  return {
    parameters: {
      algorithm: 'SHA-256',
      nonce: 'ab',
      salt: id,
      cost: 1,
      keyLength: 32,
      keyPrefix: '00',
      expiresAt: Math.floor(NOW_MS / 1000) + expiresInS,
    },
    signature: 'signed',
  };
}

/** What the fake solver returns: the payload of `challenge`, readable back with solvedId(). */
export const solvedPayload = (challenge: PowChallenge): string =>
  btoa(JSON.stringify({ challenge, solution: { counter: 1, derivedKey: 'ff' } }));

/** The challenge id (salt) a payload was solved for. */
export const solvedId = (payload: unknown): string =>
  JSON.parse(atob(String(payload))).challenge.parameters.salt;
