// What both halves need to read the script tag's data-* attributes: the rule shape, the one
// reader (one console error per bad value, its default used) and the list helpers. The loader
// reads what it needs before the chunk (loader/settings.ts), the chunk the rest (form-settings.ts).
import { FORM_FIELDS, type FormField, LIMITS } from '../shared/lead-limits.ts';
import type { Report } from './types.ts';

export interface Rule<T> {
  /** What the attribute allows, for the console error. */
  allowed: string;
  /** The value, or null when the text is invalid. */
  parse(raw: string, doc: Document): T | null;
}

/** Reads `data-<name>` by its rule: undefined when absent, or invalid (then reported). */
export const settingReader =
  (attrs: Record<string, string>, doc: Document, report: Report) =>
  <T>(name: string, rule: Rule<T>): T | undefined => {
    const raw = attrs[`data-${name}`]?.trim();
    if (raw === undefined) return undefined;
    const value = rule.parse(raw, doc);
    if (value !== null) return value;
    report(
      `data-${name}="${raw.slice(0, 80)}" is invalid: expected ${rule.allowed}. Using the default.`,
    );
    return undefined;
  };

// Site-supplied UI text shares the attribute value bound: the relay would take no more anyway.
const TEXT_MAX = LIMITS.attributeValue;

/** Plain text; empty means "not set". */
export const text: Rule<string | undefined> = {
  allowed: `text of at most ${TEXT_MAX} characters`,
  parse: (raw) => (raw.length > TEXT_MAX ? null : raw || undefined),
};

export const list = (raw: string, separator = ',') =>
  raw
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);

// Display order is fixed (FORM_FIELDS), whatever order the site listed them in.
export function pickFields(raw: string, allowed: readonly string[]): FormField[] | null {
  const items = list(raw);
  return items.every((item) => allowed.includes(item))
    ? FORM_FIELDS.filter((field) => items.includes(field))
    : null;
}

export const isHttp = (url: URL) => /^https?:$/.test(url.protocol);
