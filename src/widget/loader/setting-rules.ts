// Typed parse rules for the script tag's data-* attributes: what each allows (for the console
// error) and how the trimmed text becomes a value.
import { FORM_FIELDS, type FormField, ID_PATTERN, LIMITS } from '../../shared/lead-limits.ts';
import { fallbackOnThrow } from './fallback-on-throw.ts';
import { LOCALE_CODES, type LocaleCode, resolveLocale } from './locale-codes.ts';

export interface Rule<T> {
  /** What the attribute allows, for the console error. */
  allowed: string;
  /** The value, or null when the text is invalid. */
  parse(raw: string, doc: Document): T | null;
}

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

export const oneOf = <T extends string>(...values: T[]): Rule<T> => ({
  allowed: `one of ${values.join(', ')}`,
  parse: (raw) => values.find((value) => value === raw) ?? null,
});

const ON_OFF: Record<string, boolean> = { on: true, off: false };

export const onOff: Rule<boolean> = { allowed: 'on or off', parse: (raw) => ON_OFF[raw] ?? null };

/** Plain text; empty means "not set". */
export const text: Rule<string | undefined> = {
  allowed: `text of at most ${TEXT_MAX} characters`,
  parse: (raw) => (raw.length > TEXT_MAX ? null : raw || undefined),
};

const isHttp = (url: URL) => /^https?:$/.test(url.protocol);

/** The relay's base URL: the path joins with /v1/leads, so a trailing slash would double up. */
export const relayUrl: Rule<string> = {
  allowed: 'an absolute http(s) URL',
  parse: (raw) =>
    fallbackOnThrow(() => {
      const url = new URL(raw);
      return isHttp(url) ? url.origin + url.pathname.replace(/\/+$/, '') : null;
    }, null),
};

/** A link for the visitor: relative ones (`/privacy.html`) resolve against the page. */
export const pageUrl: Rule<string> = {
  allowed: 'an http(s) URL, absolute or relative to the page',
  parse: (raw, doc) =>
    fallbackOnThrow(() => {
      const url = new URL(raw, doc.baseURI);
      return isHttp(url) ? url.href : null;
    }, null),
};

export const id: Rule<string> = {
  allowed: `up to ${LIMITS.id} letters, digits, _ or -`,
  parse: matching(ID_PATTERN),
};

/** A CSS selector the browser can parse; tried on an empty fragment so nothing is matched. */
export const selector: Rule<string> = {
  allowed: 'a valid CSS selector',
  parse: (raw, doc) =>
    fallbackOnThrow(() => {
      doc.createDocumentFragment().querySelector(raw);
      return raw;
    }, null),
};

export const zIndex: Rule<number> = {
  allowed: 'an integer from 0 to 2147483647',
  parse: (raw) => (/^\d{1,10}$/.test(raw) && +raw < 2 ** 31 ? +raw : null),
};

/** The launcher's shift from its corner: "x,y" in CSS pixels, each 0 to 2000. */
export const offset: Rule<[x: number, y: number]> = {
  allowed: 'x,y in pixels, each 0 to 2000',
  parse: (raw) => {
    const [, x, y] = /^(\d{1,4})\s*,\s*(\d{1,4})$/.exec(raw) ?? [];
    return x && y && +x <= 2000 && +y <= 2000 ? [+x, +y] : null;
  },
};

// The value lands in a CSS custom property, so only plain colour syntax passes: no url(), no ";".
export const color: Rule<string> = {
  allowed: 'a colour: #rgb, #rrggbb, rgb() or hsl()',
  parse: matching(/^(#([\da-f]{3}){1,2}|(rgb|hsl)a?\([\d\s.,%/+deg-]*\))$/i),
};

export const country: Rule<string> = {
  allowed: 'an ISO 3166 alpha-2 code like GB',
  // The shape only: the dial table is the form chunk's, which falls back to US for a code it lacks.
  parse: (raw) => (/^[a-z]{2}$/i.test(raw) ? raw.toUpperCase() : null),
};

export const locale: Rule<LocaleCode> = {
  allowed: `a language tag starting with one of ${LOCALE_CODES.join(', ')}`,
  parse: (raw) => resolveLocale(raw) ?? null,
};

/** The fields shown: a lead needs a way to reach the visitor, so one of name, email, phone. */
export const shownFields: Rule<FormField[]> = {
  allowed: `a comma list of ${FORM_FIELDS.join(', ')} with at least one of name, email, phone`,
  parse: (raw) => {
    const fields = pickFields(raw, FORM_FIELDS);
    return fields?.some((field) => field !== 'message') ? fields : null;
  },
};

/** Required fields: any of the shown ones, or none (empty). */
export const requiredFields = (shown: FormField[]): Rule<FormField[]> => ({
  allowed: `a comma list of the shown fields (${shown.join(', ')}), or empty`,
  parse: (raw) => pickFields(raw, shown),
});

export const tags: Rule<string[]> = {
  allowed: `up to ${LIMITS.tags} comma-separated tags of up to ${LIMITS.tag} characters`,
  parse: (raw) => {
    const items = [...new Set(list(raw))];
    return items.length > LIMITS.tags || items.some((tag) => tag.length > LIMITS.tag)
      ? null
      : items;
  },
};

export const attributes: Rule<{ key: string; value: string }[]> = {
  allowed: `k=v;k2=v2, up to ${LIMITS.attributes} pairs, keys up to ${LIMITS.attributeKey} and values up to ${LIMITS.attributeValue} characters`,
  parse: (raw) => {
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
};
