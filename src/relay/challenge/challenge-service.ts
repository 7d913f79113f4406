// Issues and checks the proof of work (ALTCHA v2 via altcha-lib): SHA-256 in deterministic
// mode, so the relay picks the answer and a browser's work is bounded by the cost.
import { type Challenge, createChallenge, randomInt, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import * as z from 'zod/mini';
import type { ChallengeRejection, PowChallenge } from '../../shared/pow-challenge.ts';
import type { SpentStore } from './spent-store.ts';

export interface ChallengeOptions {
  /** HMAC key for the challenge signature (RELAY_CHALLENGE_SECRET). */
  secret: string;
  /** How long a challenge may be solved and sent, in seconds. */
  ttlSeconds: number;
  spent: SpentStore;
  now: () => number;
}

export type ChallengeVerdict =
  | { ok: true }
  | { ok: false; reason: ChallengeRejection; message: string };

export interface ChallengeService {
  /** A signed challenge costing at most `cost` hashes, bound to the site `site`. */
  issue(cost: number, site: string): Promise<PowChallenge>;
  /** Checks a submission's `challenge` field for `site`; a verified one is spent. */
  verify(payload: string | undefined, site: string): Promise<ChallengeVerdict>;
}

// Bounded like every field: a real payload is about 600 characters.
export const MAX_PAYLOAD_CHARS = 4096;

const hex = z.string().check(z.regex(/^[0-9a-f]+$/));
const payloadSchema = z.object({
  challenge: z.object({
    parameters: z.looseObject({
      algorithm: z.string(),
      nonce: hex,
      salt: hex,
      cost: z.number(),
      keyLength: z.number(),
      keyPrefix: hex,
      expiresAt: z.number(),
      data: z.optional(z.looseObject({ site: z.optional(z.string()) })),
    }),
    signature: z.string(),
  }),
  solution: z.object({ counter: z.number(), derivedKey: hex }),
});

const refuse = (reason: ChallengeRejection, message: string): ChallengeVerdict => ({
  ok: false,
  reason,
  message,
});

function decode(payload: string): z.infer<typeof payloadSchema> | undefined {
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64').toString()));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function createChallengeService(options: ChallengeOptions): ChallengeService {
  const { secret, now } = options;
  return {
    async issue(cost, site) {
      const challenge = await createChallenge({
        algorithm: 'SHA-256',
        cost: 1,
        // The answer sits in the upper half of the range: no challenge is nearly free.
        counter: randomInt(cost, Math.ceil(cost / 2)),
        deriveKey,
        data: { site },
        expiresAt: Math.floor(now() / 1000) + options.ttlSeconds,
        hmacSignatureSecret: secret,
      });
      return challenge as PowChallenge;
    },
    async verify(payload, site) {
      if (!payload) {
        return refuse(
          'missing',
          `a proof of work is required: solve GET /v1/challenge and send it as "challenge"`,
        );
      }
      const decoded = payload.length <= MAX_PAYLOAD_CHARS ? decode(payload) : undefined;
      if (!decoded) {
        return refuse(
          'malformed',
          'challenge must be the base64 ALTCHA payload {challenge, solution}',
        );
      }
      const { parameters } = decoded.challenge;
      const expiresAtMs = parameters.expiresAt * 1000;
      // altcha-lib checks expiry with Date.now(); this check uses the relay's clock first.
      if (expiresAtMs <= now()) {
        return refuse(
          'expired',
          'the proof of work expired: fetch a new challenge and solve it again',
        );
      }
      let verified = false;
      try {
        const result = await verifySolution({
          // Parsed loosely above, so every signed parameter is still there.
          challenge: decoded.challenge as Challenge,
          solution: decoded.solution,
          deriveKey,
          hmacSignatureSecret: secret,
        });
        if (result.expired) {
          return refuse(
            'expired',
            'the proof of work expired: fetch a new challenge and solve it again',
          );
        }
        verified = result.verified;
      } catch {
        verified = false;
      }
      // The site is signed into the challenge: one site's cheap challenge cannot pay for another's.
      if (!verified || parameters.data?.site !== site) {
        return refuse(
          'invalid',
          'the proof of work does not solve a challenge this relay issued for this site',
        );
      }
      if (!(await options.spent.spend(parameters.nonce, expiresAtMs, now()))) {
        return refuse('replayed', 'this proof of work was already used: fetch a new challenge');
      }
      return { ok: true };
    },
  };
}
