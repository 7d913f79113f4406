// The widget bundle's gzip size (zlib level 9), against the target and the enforced
// ceiling. See ARCHITECTURE.md "The bundle budget" for why the two differ.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** The target the widget issue set: 14 KiB gzip, Preact, validation and dial codes included. */
export const BUNDLE_TARGET_GZIP_BYTES = 14_336;
/**
 * What test/build/bundle.test.ts enforces today: a ratchet just above the measured size. Raised
 * from 20,480 for issue 8's look and reach (contrast-picked accent text, input and error theme
 * variables, em sizes, touch targets, data-offset): 20,156 → 20,811 bytes (ARCHITECTURE.md); with the phone reading (+484 B) beside it, 21,504.
 */
export const BUNDLE_CEILING_GZIP_BYTES = 21_504;

export function bundleGzipBytes(path = 'dist/eleapi-leads.js'): number | undefined {
  if (!existsSync(path)) return undefined;
  return gzipSync(readFileSync(path), { level: 9 }).byteLength;
}
