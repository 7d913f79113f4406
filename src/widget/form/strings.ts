// The panel's text: one string per built-in locale, its texts in KEYS order joined by "|", with the
// site's overrides applied. Seven tables as objects cost ~200 bytes of gzip more (measured at 17 keys).
// Only English is in the chunk; the others are files fetched for their locale (locale-texts.ts).
import type { WidgetSettings } from '../types.ts';
import { en } from './locales/en.ts';

const KEYS = [
  'close',
  'send',
  'sending',
  'sent',
  'keptOffline',
  'keptUnreachable',
  'keptRateLimited',
  'keptInMemory',
  'refused',
  /** `%` is the number of fields to fix. */
  'checkFields',
  'name',
  'email',
  'phone',
  'country',
  'message',
  'privacy',
  'required',
  'bad',
  'badEmail',
  'badPhone',
  'remembered',
  'sendAgain',
] as const;

/** Every string the UI shows. Kept short: each one ships in seven files. The title is
 * the launcher's label, whose one copy is the loader's (loader/launcher-text.ts). */
export type Strings = Record<(typeof KEYS)[number] | 'title', string>;

/** Keys of the per-field error messages. */
export type ErrorText = 'required' | 'bad' | 'badEmail' | 'badPhone';

/** The texts of a locale's table (English unless given), with the site's overrides. */
export function stringsFor(settings: WidgetSettings, title: string, table = en): Strings {
  const texts = table.split('|');
  const t = Object.fromEntries(KEYS.map((key, index) => [key, texts[index]])) as Strings;
  t.title = title;
  t.send = settings.submitLabel ?? t.send;
  t.sent = settings.successMessage ?? t.sent;
  return t;
}
