// data-prefill-from-url="email,name": fills fields from the page URL's query parameters
// (a link from a newsletter, say). The setting, read by the form chunk from the tag's captured
// attributes when it arrives; the chunk checks the values too (form/url-prefill-values.ts).
import type { Prefill, Report } from './types.ts';

export const URL_PREFILL_FIELDS = ['name', 'email', 'phone'] as const;
export type UrlPrefillField = (typeof URL_PREFILL_FIELDS)[number];

/** The setting: a comma list of name, email, phone (default none); a bad one gets one error. */
export function parsePrefillFromUrl(
  attrs: Record<string, string>,
  report: (message: string) => void,
): UrlPrefillField[] {
  const raw = attrs['data-prefill-from-url']?.trim();
  if (!raw) return [];
  const items = raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const known = (item: string): item is UrlPrefillField =>
    (URL_PREFILL_FIELDS as readonly string[]).includes(item);
  if (items.every(known)) return URL_PREFILL_FIELDS.filter((field) => items.includes(field));
  report(
    `data-prefill-from-url="${raw.slice(0, 80)}" is invalid: expected a comma list of ${URL_PREFILL_FIELDS.join(', ')}. Nothing is filled from the URL.`,
  );
  return [];
}

/** The seam's `prefillFromUrl`: the setting read from the tag, the values checked by `check`. */
export const urlPrefill =
  (check: (search: string, fields: readonly UrlPrefillField[]) => Prefill) =>
  (search: string, attrs: Record<string, string>, report: Report): Prefill => {
    const fields = parsePrefillFromUrl(attrs, report);
    return fields.length ? check(search, fields) : {};
  };
