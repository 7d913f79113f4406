// Typed parse rules for the script tag's data-* attributes. A rule says what it allows (for the
// console error) and turns the trimmed text into a value, or null when the text is invalid.
import { countryByIso } from '../shared/dial-codes.ts';
import { FORM_FIELDS, type FormField, LIMITS } from '../shared/lead-fields.ts';
import { attempt } from './attempt.ts';
import { LOCALE_CODES, type LocaleCode, resolveLocale } from './locale-codes.ts';
import { ID_PATTERN } from './messenger-ids.ts';

/** `%` in `allowed` stands for the fields shown, which `required` is checked against. */
export type Rule<T> = [
  allowed: string,
  parse: (raw: string, doc: Document, shown: FormField[]) => T | null,
];

// Site-supplied UI text shares the attribute value bound: the relay would take no more anyway.
const TEXT_MAX = LIMITS.attributeValue;

const list = (raw: string, separator = ',') =>
  raw
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);

const matching = (pattern: RegExp) => (raw: string) => (pattern.test(raw) ? raw : null);

// Display order is fixed (FORM_FIELDS), whatever order the site listed them in.
function pickFields(raw: string, allowed: readonly string[]): FormField[] | null {
  const items = list(raw);
  return items.every((item) => allowed.includes(item))
    ? FORM_FIELDS.filter((field) => items.includes(field))
    : null;
}

export const oneOf = <T extends string>(...values: T[]): Rule<T> => [
  `one of ${values.join(', ')}`,
  (raw) => values.find((value) => value === raw) ?? null,
];

export const onOff: Rule<boolean> = ['on or off', (raw) => raw === 'on' || (raw !== 'off' && null)];

/** Plain text; empty means "not set". */
export const text: Rule<string | undefined> = [
  `text of at most ${TEXT_MAX} characters`,
  (raw) => (raw.length > TEXT_MAX ? null : raw || undefined),
];

export const httpUrl: Rule<string> = [
  'an absolute http(s) URL',
  (raw) =>
    attempt(() => {
      const url = new URL(raw);
      // Base URL: the path joins with /v1/leads, so a trailing slash would double up.
      return /^https?:$/.test(url.protocol) ? url.origin + url.pathname.replace(/\/+$/, '') : null;
    }, null),
];

export const id: Rule<string> = [
  `up to ${LIMITS.id} letters, digits, _ or -`,
  matching(ID_PATTERN),
];

/** A CSS selector the browser can parse; tried on an empty fragment so nothing is matched. */
export const selector: Rule<string> = [
  'a valid CSS selector',
  (raw, doc) =>
    attempt(() => {
      doc.createDocumentFragment().querySelector(raw);
      return raw;
    }, null),
];

export const zIndex: Rule<number> = [
  'an integer from 0 to 2147483647',
  (raw) => (/^\d{1,10}$/.test(raw) && +raw < 2 ** 31 ? +raw : null),
];

/** The launcher's shift from its corner: "x,y" in CSS pixels, each 0 to 2000. */
export const offset: Rule<[x: number, y: number]> = [
  'x,y in pixels, each 0 to 2000',
  (raw) => {
    const [, x, y] = /^(\d{1,4})\s*,\s*(\d{1,4})$/.exec(raw) ?? [];
    return x && y && +x <= 2000 && +y <= 2000 ? [+x, +y] : null;
  },
];

// The value lands in a CSS custom property, so only plain colour syntax passes: no url(), no ";".
export const color: Rule<string> = [
  'a colour: #rgb, #rrggbb, rgb() or hsl()',
  matching(/^(#([\da-f]{3}){1,2}|(rgb|hsl)a?\([\d\s.,%/+deg-]*\))$/i),
];

export const country: Rule<string> = [
  'an ISO 3166 alpha-2 code like GB',
  (raw) => (/^[a-z]{2}$/i.test(raw) && countryByIso(raw) ? raw.toUpperCase() : null),
];

export const locale: Rule<LocaleCode> = [
  `a language tag starting with one of ${LOCALE_CODES.join(', ')}`,
  (raw) => resolveLocale(raw) ?? null,
];

/** The fields shown: a lead needs a way to reach the visitor, so one of name, email, phone. */
export const shownFields: Rule<FormField[]> = [
  `a comma list of ${FORM_FIELDS.join(', ')} with at least one of name, email, phone`,
  (raw) => {
    const fields = pickFields(raw, FORM_FIELDS);
    return fields?.some((field) => field !== 'message') ? fields : null;
  },
];

/** Required fields: any of the shown ones, or none (empty). */
export const requiredFields: Rule<FormField[]> = [
  'a comma list of the shown fields (%), or empty',
  (raw, _, shown) => pickFields(raw, shown),
];

export const tags: Rule<string[]> = [
  `up to ${LIMITS.tags} comma-separated tags of up to ${LIMITS.tag} characters`,
  (raw) => {
    const items = [...new Set(list(raw))];
    return items.length > LIMITS.tags || items.some((tag) => tag.length > LIMITS.tag)
      ? null
      : items;
  },
];

export const attributes: Rule<{ key: string; value: string }[]> = [
  `k=v;k2=v2, up to ${LIMITS.attributes} pairs, keys up to ${LIMITS.attributeKey} and values up to ${LIMITS.attributeValue} characters`,
  (raw) => {
    const pairs = list(raw, ';').map((pair) => {
      const at = pair.indexOf('=');
      return { key: at < 0 ? '' : pair.slice(0, at).trim(), value: pair.slice(at + 1).trim() };
    });
    const valid = pairs.every(
      ({ key, value }) =>
        key && key.length <= LIMITS.attributeKey && value.length <= LIMITS.attributeValue,
    );
    return valid && pairs.length <= LIMITS.attributes ? pairs : null;
  },
];
