// The settings only the form uses (data-uuid-key, -context, -required, -default-country,
// -submit-label, -success-message, -privacy-url, -tags, -attributes), read by the chunk at mount
// from the attributes the loader captured: the loader never reads them, so each bad value is
// reported once, by the chunk, and the loader carries none of these rules (ARCHITECTURE.md, issue
// 10).
import { ATTRIBUTE_KEY_RULE, isAttributeKey, LIMITS } from '../shared/lead-limits.ts';
import { isHttp, list, pickFields, type Rule, settingReader, text } from './setting-rule.ts';
import type { FormField, LoaderSettings, Report, WidgetSettings } from './types.ts';

const ON_OFF: Record<string, boolean> = { on: true, off: false };

export const onOff: Rule<boolean> = { allowed: 'on or off', parse: (raw) => ON_OFF[raw] ?? null };

export const country: Rule<string> = {
  allowed: 'an ISO 3166 alpha-2 code like GB',
  // The shape only: the dial table falls back to US for a code it lacks (mount.tsx).
  parse: (raw) => (/^[a-z]{2}$/i.test(raw) ? raw.toUpperCase() : null),
};

/** A link for the visitor: relative ones (`/privacy.html`) resolve against the page. */
export const pageUrl: Rule<string> = {
  allowed: 'an http(s) URL, absolute or relative to the page',
  parse(raw, doc) {
    try {
      const url = new URL(raw, doc.baseURI);
      return isHttp(url) ? url.href : null;
    } catch {
      return null;
    }
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
  allowed: `k=v;k2=v2, up to ${LIMITS.attributes} pairs, keys of ${ATTRIBUTE_KEY_RULE} and values up to ${LIMITS.attributeValue} characters`,
  parse: (raw) => {
    const pairs = list(raw, ';').map((pair) => {
      const at = pair.indexOf('=');
      return { key: at < 0 ? '' : pair.slice(0, at).trim(), value: pair.slice(at + 1).trim() };
    });
    const valid = pairs.every(
      // The relay's own key rule: a key it would refuse is caught here, naming the attribute.
      ({ key, value }) => isAttributeKey(key) && value.length <= LIMITS.attributeValue,
    );
    return valid && pairs.length <= LIMITS.attributes ? pairs : null;
  },
};

/** The loader's settings completed with the form's own, each bad value reported (once). */
export function completeSettings(
  base: LoaderSettings,
  attrs: Record<string, string>,
  doc: Document,
  report: Report,
): WidgetSettings {
  const read = settingReader(attrs, doc, report);
  const { fields } = base;
  return {
    ...base,
    uuidKey: read('uuid-key', text),
    context: read('context', onOff) ?? true,
    required:
      read('required', requiredFields(fields)) ??
      fields.filter((field) => field === 'name' || field === 'email'),
    defaultCountry: read('default-country', country),
    submitLabel: read('submit-label', text),
    successMessage: read('success-message', text),
    privacyUrl: read('privacy-url', pageUrl),
    tags: read('tags', tags) ?? [],
    attributes: read('attributes', attributes) ?? [],
  };
}
