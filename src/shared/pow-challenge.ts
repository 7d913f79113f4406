// The proof-of-work challenge both ends speak: the ALTCHA v2 protocol (altcha-lib on the relay),
// SHA-256 in "deterministic" mode. Types and names only, so the widget pays no bytes for them.

/** Where the relay hands out challenges when `RELAY_CHALLENGE=pow`. */
export const CHALLENGE_PATH = '/v1/challenge';

/** The submission field that carries the solved payload (base64 of `PowPayload` JSON). */
export const CHALLENGE_FIELD = 'challenge';

/** The `error` code of a 400 about the proof of work; `reason` says which case. */
export const CHALLENGE_ERROR = 'challenge';
export const CHALLENGE_REJECTIONS = [
  'missing',
  'malformed',
  'expired',
  'invalid',
  'replayed',
] as const;
export type ChallengeRejection = (typeof CHALLENGE_REJECTIONS)[number];

/** What `GET /v1/challenge` answers: ALTCHA v2 parameters plus their HMAC signature. */
export interface PowChallenge {
  parameters: {
    algorithm: string;
    nonce: string;
    salt: string;
    /** Hash rounds per attempt (ALTCHA's `cost`; the relay uses 1). */
    cost: number;
    keyLength: number;
    /** Hex the derived key must start with. */
    keyPrefix: string;
    /** Seconds since the epoch. */
    expiresAt?: number;
    [other: string]: unknown;
  };
  signature?: string;
}

export interface PowSolution {
  counter: number;
  /** Lower-case hex of the whole derived key. */
  derivedKey: string;
  time?: number;
}

/** Decoded form of the `challenge` field: the challenge as received and its solution. */
export interface PowPayload {
  challenge: PowChallenge;
  solution: PowSolution;
}
