// Reads the script tag's data-* attributes the loader needs into LoaderSettings (docs/contract.md
// §2); the chunk reads the form's own (../form-settings.ts). Each bad value gets one console error
// naming the attribute and what it allows; its default is used.
import type { FormField } from '../../shared/lead-fields.ts';
import { settingReader, text } from '../setting-rule.ts';
import type { LoaderSettings, Report } from '../types.ts';
import { resolveLocale } from './locale-codes.ts';
import { parseMessengerIds } from './messenger-ids.ts';
import * as rules from './setting-rules.ts';

export type { Report } from '../types.ts';

export interface SettingsEnv {
  document: Document;
  navigator: { language?: string; languages?: readonly string[] };
  report: Report;
}

const DEFAULT_FIELDS: FormField[] = ['name', 'email', 'phone'];
const DEFAULT_MESSENGER = '#eleapi-messenger-widget';

/** Copies the script's attributes. Call it synchronously at start: currentScript is gone after. */
export const captureAttributes = (script: Element): Record<string, string> =>
  Object.fromEntries(Array.from(script.attributes, (attr) => [attr.name, attr.value]));

/** The settings, or undefined (after a console error) when the form cannot work. */
export function parseSettings(
  attrs: Record<string, string>,
  { document: doc, navigator, report }: SettingsEnv,
): LoaderSettings | undefined {
  const read = settingReader(attrs, doc, report);
  const relayRaw = attrs['data-relay-url']?.trim() ?? '';
  const relayUrl = rules.relayUrl.parse(relayRaw, doc);
  if (!relayUrl) {
    report(
      `data-relay-url ${relayRaw ? `"${relayRaw.slice(0, 80)}" is invalid` : 'is missing'}: expected ${rules.relayUrl.allowed}. The form is not shown.`,
    );
    return undefined;
  }

  const ids = botIds(read('bot-id', rules.id), read('customer-id', rules.id));
  if (!ids) return undefined;
  const languages = [...(navigator.languages ?? []), navigator.language ?? ''];
  return {
    relayUrl,
    ...ids,
    mode: read('mode', rules.oneOf('floating', 'inline')) ?? 'floating',
    target: read('target', rules.selector),
    fields: read('fields', rules.shownFields) ?? DEFAULT_FIELDS,
    locale:
      read('locale', rules.locale) ??
      languages.map(resolveLocale).find((code) => code !== undefined) ??
      'en',
    title: read('title', text),
    consent: read('consent', text),
    accentColor: read('accent-color', rules.color),
    position: read('position', rules.oneOf('bottom-right', 'bottom-left')) ?? 'bottom-right',
    // Up one bubble row: eleapi's messenger bubble sits in the bottom corner too (README).
    offset: read('offset', rules.offset) ?? [0, 72],
    zIndex: read('z-index', rules.zIndex) ?? 2147483000,
  };

  /** The ids from the tag, else from the messenger tag's text; undefined (reported) without. */
  function botIds(botId: string | undefined, customerId: string | undefined) {
    if (botId && customerId) return { botId, customerId };
    const selector = read('messenger-selector', rules.selector) ?? DEFAULT_MESSENGER;
    const tag = doc.querySelector(selector);
    const found = tag && parseMessengerIds(tag.textContent ?? '');
    if (!found) {
      report(
        `no bot ids: the messenger tag ${selector} ${tag ? 'does not hold "BotId,CustomerId"' : 'was not found'}, and data-bot-id/data-customer-id are not both set. The form is not shown.`,
      );
      return undefined;
    }
    return { botId: botId || found.botId, customerId: customerId || found.customerId };
  }
}
