/** The UI languages built in; the UI keys its text tables by these codes. */
export const LOCALE_CODES = ['en', 'es', 'fr', 'de', 'pt', 'hi', 'ar'] as const;
export type LocaleCode = (typeof LOCALE_CODES)[number];

/** The built-in code for a BCP-47 tag (`pt-BR` → `pt`, `EN_us` → `en`), or undefined. */
export function resolveLocale(tag: string): LocaleCode | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return LOCALE_CODES.find((code) => code === primary);
}
