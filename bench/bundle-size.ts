// The widget bundle's gzip size against its budget, if the widget has been built.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export const BUNDLE_BUDGET_GZIP_BYTES = 14_336;

export function bundleGzipBytes(path = 'dist/eleapi-leads.js'): number | undefined {
  if (!existsSync(path)) return undefined;
  return gzipSync(readFileSync(path), { level: 9 }).byteLength;
}
