// The UI's text: one flat table per built-in locale, with the site's overrides applied.
import type { LocaleCode } from '../locale-codes.ts';
import type { WidgetSettings } from '../types.ts';
import { ar, de, en, es, fr, hi, pt } from './locales/index.ts';

/** Every string the UI shows. Kept short: each one ships seven times in the bundle. */
export interface Strings {
  title: string;
  close: string;
  send: string;
  sending: string;
  sent: string;
  queued: string;
  failed: string;
  name: string;
  email: string;
  phone: string;
  country: string;
  message: string;
  privacy: string;
  required: string;
  bad: string;
  badEmail: string;
  badPhone: string;
}

/** Keys of the per-field error messages. */
export type ErrorText = 'required' | 'bad' | 'badEmail' | 'badPhone';

const TABLES: Record<LocaleCode, Strings> = { en, es, fr, de, pt, hi, ar };

export function stringsFor(settings: WidgetSettings): Strings {
  const base = TABLES[settings.locale as LocaleCode] ?? en;
  return {
    ...base,
    title: settings.title ?? base.title,
    send: settings.submitLabel ?? base.send,
    sent: settings.successMessage ?? base.sent,
  };
}
