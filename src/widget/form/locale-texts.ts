// Fetches the texts of the form's locale, a plain script next to the chunk (locale-file.ts), at
// mount: the loader mounts the chunk as soon as it arrives (on idle or on intent), so the file is
// usually here before the first open. English ships in the chunk and needs no file; a file that
// fails to load is said in the console and the form shows English rather than nothing.
import type { Report } from '../types.ts';
import { besideChunk, loadBeside } from './beside-chunk.ts';
import { LOCALE_EVENT } from './locale-file.ts';
import { en } from './locales/en.ts';

// The locales with a file, defined by vite.config.ts for the chunk's build; unbuilt (unit tests)
// none. A file's name is the chunk's with the locale added (eleapi-leads.form.<hash>.de.js): the
// chunk's hash covers every locale file, so the chunk carries no second hash per file.
declare const __ELEAPI_LOCALE_FILES__: string[] | undefined;
const FILED: string[] = typeof __ELEAPI_LOCALE_FILES__ === 'object' ? __ELEAPI_LOCALE_FILES__ : [];

/** The texts of a locale, its KEYS order joined by "|" (strings.ts): at once, or once fetched. */
export type LocaleTexts = (locale: string, report: Report) => string | Promise<string>;

/** Loads each locale's file once, next to `chunk` (the chunk's own URL), into `doc`. */
export function localeTexts(doc: Document, chunk: string): LocaleTexts {
  const loaded = new Map<string, Promise<string>>();
  return (locale, report) => {
    if (!FILED.includes(locale) || !chunk.endsWith('.js')) return en;
    const known = loaded.get(locale);
    if (known) return known;
    const url = besideChunk(chunk, locale);
    const texts = loadBeside(doc, url, LOCALE_EVENT, locale).then((heard) => {
      if (typeof heard === 'string') return heard;
      loaded.delete(locale);
      report(`the "${locale}" texts (${url}) did not load: the form is shown in English.`);
      return en;
    });
    loaded.set(locale, texts);
    return texts;
  };
}
