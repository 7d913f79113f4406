// data-prefill-from-url="email,name": fills fields from the page URL's query parameters
// (a link from a newsletter, say). Visitors can craft URLs, so a bad value is dropped quietly.
import type * as z from 'zod/mini';
import { emailSchema, nameSchema, phoneSchema } from '../shared/lead-fields.ts';

export const URL_PREFILL_FIELDS = ['name', 'email', 'phone'] as const;
export type UrlPrefillField = (typeof URL_PREFILL_FIELDS)[number];

const SCHEMAS: Record<UrlPrefillField, z.ZodMiniType<string>> = {
  name: nameSchema,
  email: emailSchema,
  phone: phoneSchema,
};

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

/**
 * The fields named in the query (`?email=ada@example.com&name=Ada`) whose values pass the
 * field's shared schema, as EleapiLeads.prefill() takes them; what fails is left out, silently.
 */
export function prefillFromUrl(
  search: string,
  fields: readonly UrlPrefillField[],
): Partial<Record<UrlPrefillField, string>> {
  const query = new URLSearchParams(search);
  const prefill: Partial<Record<UrlPrefillField, string>> = {};
  for (const field of fields) {
    const parsed = SCHEMAS[field].safeParse(query.get(field) ?? '');
    if (parsed.success && parsed.data) prefill[field] = parsed.data;
  }
  return prefill;
}
