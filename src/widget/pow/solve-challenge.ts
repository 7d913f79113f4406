// Solves the relay's proof of work (ALTCHA v2, SHA-256) with crypto.subtle, a batch of
// attempts at a time, yielding to the page between slices so no task grows long.
import type { PowChallenge } from '../../shared/pow-challenge.ts';

export interface SolveOptions {
  /** Longest a slice runs before yielding; a long task starts at 50 ms. */
  sliceMs?: number;
  /** Digests in flight at once: the browser hashes off the main thread, so batches go faster. */
  batch?: number;
  signal?: AbortSignal;
  now?: () => number;
}

const hexBytes = (hex: string) =>
  Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
const toHex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

// A message-channel turn: not throttled like timers in background tabs, no 4 ms clamp.
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(0);
  });
}

async function deriveKey(input: Uint8Array, rounds: number, algorithm: string) {
  let key: Uint8Array = input;
  for (let i = 0; i < rounds; i++) {
    key = new Uint8Array(await crypto.subtle.digest(algorithm, key as Uint8Array<ArrayBuffer>));
  }
  return key;
}

/**
 * Finds the counter whose derived key starts with the challenge's prefix and returns the
 * ALTCHA payload to send as the submission's `challenge` field (base64 JSON).
 */
export async function solveChallenge(
  challenge: PowChallenge,
  options: SolveOptions = {},
): Promise<string> {
  const { algorithm, salt, nonce, cost, keyLength, keyPrefix } = challenge.parameters;
  const now = options.now ?? (() => performance.now());
  const sliceMs = options.sliceMs ?? 15;
  const batch = options.batch ?? 16;
  const head = new Uint8Array([...hexBytes(salt), ...hexBytes(nonce)]);
  const prefix = keyPrefix.toLowerCase();
  const started = now();
  for (let counter = 0; counter <= 0xffffffff; ) {
    const sliceEnd = now() + sliceMs;
    while (now() < sliceEnd) {
      options.signal?.throwIfAborted();
      const counters = Array.from({ length: batch }, (_, i) => counter + i);
      const keys = await Promise.all(
        counters.map((n) => {
          const input = new Uint8Array(head.length + 4);
          input.set(head);
          new DataView(input.buffer).setUint32(head.length, n);
          return deriveKey(input, Math.max(1, cost), algorithm);
        }),
      );
      const found = keys.findIndex((key) =>
        toHex(key.subarray(0, prefix.length / 2 + 1)).startsWith(prefix),
      );
      const key = keys[found];
      if (key) {
        const solution = {
          counter: counter + found,
          derivedKey: toHex(key.subarray(0, keyLength)),
          time: Math.round(now() - started),
        };
        return btoa(JSON.stringify({ challenge, solution }));
      }
      counter += batch;
    }
    await yieldToPage();
  }
  throw new Error('the proof of work has no solution');
}
