// Typed parse rules for the data-* attributes the loader reads (the form's own are in
// ../form-settings.ts): what each allows (for the console error) and how the text becomes a value.
import { FORM_FIELDS, type FormField, ID_PATTERN, LIMITS } from '../../shared/lead-limits.ts';
import { fallbackOnThrow } from '../fallback-on-throw.ts';
import { isHttp, pickFields, type Rule } from '../setting-rule.ts';
import { LOCALE_CODES, type LocaleCode, resolveLocale } from './locale-codes.ts';

const matching = (pattern: RegExp) => (raw: string) => (pattern.test(raw) ? raw : null);

export const oneOf = <T extends string>(...values: T[]): Rule<T> => ({
  allowed: `one of ${values.join(', ')}`,
  parse: (raw) => values.find((value) => value === raw) ?? null,
});

/** The relay's base URL: the path joins with /v1/leads, so a trailing slash would double up. */
export const relayUrl: Rule<string> = {
  allowed: 'an absolute http(s) URL',
  parse: (raw) =>
    fallbackOnThrow(() => {
      const url = new URL(raw);
      return isHttp(url) ? url.origin + url.pathname.replace(/\/+$/, '') : null;
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
