// Typed parse rules for the script tag's data-* attributes. A rule turns the raw text into a
// value, or null when it is invalid; `allowed` says what it accepts, for the console error.
import { countryByIso } from '../shared/dial-codes.ts';
import { FORM_FIELDS, type FormField, LIMITS } from '../shared/lead-fields.ts';
import { LOCALE_CODES, type LocaleCode, resolveLocale } from './locale-codes.ts';
import { ID_PATTERN } from './messenger-ids.ts';

export interface Rule<T> {
  allowed: string;
  parse(raw: string): T | null;
}

const commaList = (raw: string) =>
  raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export const oneOf = <T extends string>(values: readonly T[]): Rule<T> => ({
  allowed: `one of ${values.join(', ')}`,
  parse: (raw) => values.find((value) => value === raw) ?? null,
});

export const onOff: Rule<boolean> = {
  allowed: 'on or off',
  parse: (raw) => (raw === 'on' ? true : raw === 'off' ? false : null),
};

/** Plain text up to `max` characters; empty means "not set". */
export const text = (max: number): Rule<string | undefined> => ({
  allowed: `text of at most ${max} characters`,
  parse: (raw) => (raw.length > max ? null : raw || undefined),
});

export const httpUrl: Rule<string> = {
  allowed: 'an absolute http(s) URL',
  parse(raw) {
    try {
      const url = new URL(raw);
      // Base URL: the path joins with /v1/leads, so a trailing slash would double up.
      return /^https?:$/.test(url.protocol) ? url.origin + url.pathname.replace(/\/+$/, '') : null;
    } catch {
      return null;
    }
  },
};

export const id: Rule<string> = {
  allowed: `up to ${LIMITS.id} letters, digits, _ or -`,
  parse: (raw) => (ID_PATTERN.test(raw) ? raw : null),
};

/** A CSS selector the browser can parse; checked on an empty fragment so nothing is matched. */
export const selector = (doc: Document): Rule<string> => ({
  allowed: 'a valid CSS selector',
  parse(raw) {
    try {
      doc.createDocumentFragment().querySelector(raw);
      return raw;
    } catch {
      return null;
    }
  },
});

export const integer = (min: number, max: number): Rule<number> => ({
  allowed: `an integer from ${min} to ${max}`,
  parse(raw) {
    const value = Number(raw);
    return /^-?\d+$/.test(raw) && value >= min && value <= max ? value : null;
  },
});

// The value lands in a CSS custom property, so only plain colour syntax passes: no url(), no ";".
const COLOR = /^(#([\da-f]{3}){1,2}|(rgb|hsl)a?\([\d\s.,%/+deg-]*\))$/i;

export const color: Rule<string> = {
  allowed: 'a colour: #rgb, #rrggbb, rgb() or hsl()',
  parse: (raw) => (COLOR.test(raw) ? raw : null),
};

export const country: Rule<string> = {
  allowed: 'an ISO 3166 alpha-2 code like GB',
  parse: (raw) => (/^[a-z]{2}$/i.test(raw) && countryByIso(raw) ? raw.toUpperCase() : null),
};

export const locale: Rule<LocaleCode> = {
  allowed: `a language tag starting with one of ${LOCALE_CODES.join(', ')}`,
  parse: (raw) => resolveLocale(raw) ?? null,
};

/** The fields shown: a lead needs a way to reach the visitor, so one of name, email, phone. */
export const shownFields: Rule<FormField[]> = {
  allowed: `a comma list of ${FORM_FIELDS.join(', ')} with at least one of name, email, phone`,
  parse(raw) {
    const fields = pickFields(raw, FORM_FIELDS);
    return fields?.some((field) => field !== 'message') ? fields : null;
  },
};

/** Required fields: any of the shown ones, or none (empty). */
export const requiredFields = (shown: readonly FormField[]): Rule<FormField[]> => ({
  allowed: `a comma list of the shown fields (${shown.join(', ')}), or empty`,
  parse: (raw) => pickFields(raw, shown),
});

function pickFields(raw: string, allowed: readonly FormField[]): FormField[] | null {
  const items = commaList(raw);
  const valid = items.every((item) => allowed.some((field) => field === item));
  // Display order is fixed (FORM_FIELDS), whatever order the site listed them in.
  return valid ? FORM_FIELDS.filter((field) => items.includes(field)) : null;
}

export const tags: Rule<string[]> = {
  allowed: `up to ${LIMITS.tags} comma-separated tags of up to ${LIMITS.tag} characters`,
  parse(raw) {
    const items = [...new Set(commaList(raw))];
    return items.length <= LIMITS.tags && items.every((tag) => tag.length <= LIMITS.tag)
      ? items
      : null;
  },
};

export const attributes: Rule<{ key: string; value: string }[]> = {
  allowed: `k=v;k2=v2, up to ${LIMITS.attributes} pairs, keys up to ${LIMITS.attributeKey} and values up to ${LIMITS.attributeValue} characters`,
  parse(raw) {
    const pairs = raw
      .split(';')
      .filter((pair) => pair.trim())
      .map((pair) => {
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
