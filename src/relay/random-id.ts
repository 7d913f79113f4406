// Ids for accepted leads: 96 random bits, base64url. Drawn from a pooled buffer because one
// randomBytes call per request cost ~7% of the relay's CPU under load (measured, bench/).
import { randomFillSync } from 'node:crypto';

const ID_BYTES = 12;
const POOL_IDS = 512;

export function createRandomId(): () => string {
  const pool = Buffer.alloc(ID_BYTES * POOL_IDS);
  let next = POOL_IDS;
  return () => {
    if (next === POOL_IDS) {
      randomFillSync(pool);
      next = 0;
    }
    const start = next++ * ID_BYTES;
    return pool.toString('base64url', start, start + ID_BYTES);
  };
}
