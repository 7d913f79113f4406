// Reads the script tag's data-* attributes into WidgetSettings (docs/contract.md §2). Each bad
// value gets one console error naming the attribute and what it allows; its default is used.
import { countryByIso } from '../shared/dial-codes.ts';
import { attempt } from './attempt.ts';
import { resolveLocale } from './locale-codes.ts';
import { parseMessengerIds } from './messenger-ids.ts';
import * as rules from './setting-rules.ts';
import type { FormField, WidgetSettings } from './types.ts';

/** Logs one message for the site's developer (start.ts prefixes it with "eleapi-leads: "). */
export type Report = (message: string) => void;

export interface SettingsEnv {
  document: Document;
  navigator: { language?: string; languages?: readonly string[] };
  report: Report;
}

type Table = { [K in keyof WidgetSettings]?: [rules.Rule<WidgetSettings[K]>, WidgetSettings[K]?] };

// The attribute is the key in kebab case: accentColor is data-accent-color.
const RULES: Table & { messengerSelector?: [rules.Rule<string>, string] } = {
  messengerSelector: [rules.selector, '#eleapi-messenger-widget'],
  botId: [rules.id],
  customerId: [rules.id],
  uuidKey: [rules.text],
  mode: [rules.oneOf('floating', 'inline'), 'floating'],
  target: [rules.selector],
  fields: [rules.shownFields, ['name', 'email', 'phone']],
  required: [rules.requiredFields],
  defaultCountry: [rules.country],
  locale: [rules.locale],
  title: [rules.text],
  submitLabel: [rules.text],
  successMessage: [rules.text],
  consent: [rules.text],
  privacyUrl: [rules.httpUrl],
  tags: [rules.tags, []],
  attributes: [rules.attributes, []],
  context: [rules.onOff, true],
  accentColor: [rules.color],
  position: [rules.oneOf('bottom-right', 'bottom-left'), 'bottom-right'],
  // Up one bubble row: eleapi's messenger bubble sits in the bottom corner too (README).
  offset: [rules.offset, [0, 72]],
  zIndex: [rules.zIndex, 2147483000],
};

/** Copies the script's attributes. Call it synchronously at start: currentScript is gone after. */
export const captureAttributes = (script: Element): Record<string, string> =>
  Object.fromEntries(Array.from(script.attributes, (attr) => [attr.name, attr.value]));

/** The settings, or undefined (after a console error) when the form cannot work. */
export function parseSettings(
  attrs: Record<string, string>,
  { document: doc, navigator, report }: SettingsEnv,
): WidgetSettings | undefined {
  const relayRaw = attrs['data-relay-url']?.trim() ?? '';
  const relayUrl = rules.httpUrl[1](relayRaw, doc, []);
  if (!relayUrl) {
    report(
      `data-relay-url ${relayRaw ? `"${relayRaw.slice(0, 80)}" is invalid` : 'is missing'}: expected ${rules.httpUrl[0]}. The form is not shown.`,
    );
    return undefined;
  }

  const read: Record<string, unknown> = { relayUrl };
  const entries = Object.entries(RULES) as [string, [rules.Rule<unknown>, unknown?]][];
  for (const [key, [[allowed, parse], fallback]] of entries) {
    const name = `data-${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
    const raw = attrs[name]?.trim();
    const shown = read.fields as FormField[];
    const value = raw === undefined ? null : parse(raw, doc, shown);
    if (raw !== undefined && value === null) {
      report(
        `${name}="${raw.slice(0, 80)}" is invalid: expected ${allowed.replace('%', () => shown.join(', '))}. Using the default.`,
      );
    }
    read[key] = value ?? fallback;
  }

  const { messengerSelector, ...settings } = read as unknown as WidgetSettings & {
    messengerSelector: string;
  };
  if (!settings.botId || !settings.customerId) {
    const tag = doc.querySelector(messengerSelector);
    const ids = tag && parseMessengerIds(tag.textContent ?? '');
    if (!ids) {
      report(
        `no bot ids: the messenger tag ${messengerSelector} ${tag ? 'does not hold "BotId,CustomerId"' : 'was not found'}, and data-bot-id/data-customer-id are not both set. The form is not shown.`,
      );
      return undefined;
    }
    settings.botId ||= ids.botId;
    settings.customerId ||= ids.customerId;
  }

  const languages = [...(navigator.languages ?? []), navigator.language ?? ''];
  settings.required ??= (['name', 'email'] as const).filter((field) =>
    settings.fields.includes(field),
  );
  // The likely region of the first language that has one in the dial-code table.
  settings.defaultCountry ??=
    languages
      .map((tag) => attempt(() => new Intl.Locale(tag).maximize().region, undefined))
      .find((region) => region && countryByIso(region)) ?? 'US';
  settings.locale ??= languages.map(resolveLocale).find(Boolean) ?? 'en';
  return settings;
}
