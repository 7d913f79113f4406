// The widget bundle's gzip size (zlib level 9), against the target and the enforced
// ceiling. See ARCHITECTURE.md "The bundle budget" for why the two differ.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** The target the widget issue set: 14 KiB gzip, Preact, validation and dial codes included. */
export const BUNDLE_TARGET_GZIP_BYTES = 14_336;
/**
 * What test/build/bundle.test.ts enforces today: a ratchet just above the measured size. Raised
 * from 20,480 for issue 8: the look and reach (contrast-picked accent text, theme variables, em
 * sizes, touch targets, data-offset), the phone reading, and the outcome texts in 7 languages
 * with the 429 and phone-less resends (ARCHITECTURE.md "The bundle budget").
 */
export const BUNDLE_CEILING_GZIP_BYTES = 23_552;

export function bundleGzipBytes(path = 'dist/eleapi-leads.js'): number | undefined {
  if (!existsSync(path)) return undefined;
  return gzipSync(readFileSync(path), { level: 9 }).byteLength;
}
