// Reads the script tag's data-* attributes into WidgetSettings (CONTRACT §2). Each bad value
// gets one console error naming the attribute and what it allows; its default is used instead.
import { countryByIso } from '../shared/dial-codes.ts';
import { type FormField, LIMITS } from '../shared/lead-fields.ts';
import { resolveLocale } from './locale-codes.ts';
import { parseMessengerIds } from './messenger-ids.ts';
import {
  attributes,
  color,
  country,
  httpUrl,
  id,
  integer,
  locale,
  oneOf,
  onOff,
  type Rule,
  requiredFields,
  selector,
  shownFields,
  tags,
  text,
} from './setting-rules.ts';
import type { WidgetSettings } from './types.ts';

export const LOG_PREFIX = 'eleapi-leads: ';
export const DEFAULT_MESSENGER_SELECTOR = '#eleapi-messenger-widget';
const DEFAULT_FIELDS: FormField[] = ['name', 'email', 'phone'];
const DEFAULT_REQUIRED: FormField[] = ['name', 'email'];
// Site-supplied UI text shares the attribute value bound: the relay would take no more anyway.
const TEXT_MAX = LIMITS.attributeValue;

export interface SettingsEnv {
  document: Document;
  navigator: { language?: string; languages?: readonly string[] };
  report(message: string): void;
}

/** Copies the script's attributes. Call it synchronously at start: currentScript is gone after. */
export function captureAttributes(script: Element): Record<string, string> {
  return Object.fromEntries(Array.from(script.attributes, (attr) => [attr.name, attr.value]));
}

/** The settings, or undefined (after a console error) when the form cannot work. */
export function parseSettings(
  attrs: Record<string, string>,
  env: SettingsEnv,
): WidgetSettings | undefined {
  const { document: doc, report } = env;
  const read = <T, D>(name: string, rule: Rule<T>, fallback: D): T | D => {
    const raw = attrs[`data-${name}`];
    const value = raw === undefined ? null : rule.parse(raw.trim());
    if (raw !== undefined && value === null) {
      report(
        `${LOG_PREFIX}data-${name}="${raw.slice(0, 80)}" is invalid: expected ${rule.allowed}. Using the default.`,
      );
    }
    return value ?? fallback;
  };

  const relayRaw = attrs['data-relay-url']?.trim() ?? '';
  const relayUrl = httpUrl.parse(relayRaw);
  if (!relayUrl) {
    report(
      `${LOG_PREFIX}data-relay-url ${relayRaw ? `"${relayRaw.slice(0, 80)}" is invalid` : 'is missing'}: expected ${httpUrl.allowed}. The form is not shown.`,
    );
    return undefined;
  }

  const messengerSelector = read('messenger-selector', selector(doc), DEFAULT_MESSENGER_SELECTOR);
  let botId = read('bot-id', id, undefined);
  let customerId = read('customer-id', id, undefined);
  if (!botId || !customerId) {
    const tag = doc.querySelector(messengerSelector);
    const ids = tag && parseMessengerIds(tag.textContent ?? '');
    if (!ids) {
      report(
        `${LOG_PREFIX}no bot ids: the messenger tag ${messengerSelector} ${tag ? 'does not hold "BotId,CustomerId"' : 'was not found'}, and data-bot-id/data-customer-id are not both set. The form is not shown.`,
      );
      return undefined;
    }
    botId ??= ids.botId;
    customerId ??= ids.customerId;
  }

  const languages = [...(env.navigator.languages ?? []), env.navigator.language ?? ''];
  const fields = read('fields', shownFields, DEFAULT_FIELDS);
  return {
    relayUrl,
    botId,
    customerId,
    uuidKey: read('uuid-key', text(TEXT_MAX), undefined),
    mode: read('mode', oneOf(['floating', 'inline'] as const), 'floating'),
    target: read('target', selector(doc), undefined),
    fields,
    required: read(
      'required',
      requiredFields(fields),
      DEFAULT_REQUIRED.filter((field) => fields.includes(field)),
    ),
    defaultCountry: read('default-country', country, undefined) ?? regionOf(languages) ?? 'US',
    locale: read('locale', locale, undefined) ?? firstDefined(languages, resolveLocale) ?? 'en',
    title: read('title', text(TEXT_MAX), undefined),
    submitLabel: read('submit-label', text(TEXT_MAX), undefined),
    successMessage: read('success-message', text(TEXT_MAX), undefined),
    consent: read('consent', text(TEXT_MAX), undefined),
    privacyUrl: read('privacy-url', httpUrl, undefined),
    tags: read('tags', tags, []),
    attributes: read('attributes', attributes, []),
    context: read('context', onOff, true),
    accentColor: read('accent-color', color, undefined),
    position: read('position', oneOf(['bottom-right', 'bottom-left'] as const), 'bottom-right'),
    zIndex: read('z-index', integer(0, 2147483647), 2147483000),
  };
}

/** The first language tag whose likely region is a country of the dial-code table. */
function regionOf(languages: readonly string[]): string | undefined {
  return firstDefined(languages, (tag) => {
    try {
      const region = new Intl.Locale(tag).maximize().region;
      return region && countryByIso(region) ? region : undefined;
    } catch {
      // An empty or malformed tag: try the next one.
      return undefined;
    }
  });
}

function firstDefined<T>(items: readonly string[], pick: (item: string) => T | undefined) {
  for (const item of items) {
    const value = pick(item);
    if (value !== undefined) return value;
  }
  return undefined;
}
