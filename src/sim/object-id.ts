// Ids shaped like MongoDB ObjectIds (24 hex digits), as the vendor's sample shows for `_id`:
// seconds since the epoch, then a counter. Unique within one sim and roughly time-ordered;
// no randomness, so the injected `random` is left to the fault switches alone.

export function createObjectIdFactory(now: () => Date): () => string {
  let counter = 0;
  return () => {
    counter++;
    const seconds = Math.floor(now().getTime() / 1000) % 0x100000000;
    return seconds.toString(16).padStart(8, '0') + counter.toString(16).padStart(16, '0');
  };
}

/** A small seeded generator (mulberry32), so demo data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
