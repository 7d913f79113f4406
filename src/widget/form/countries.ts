// The dial-code picker's options: every country of the dial table, named in the UI language.
import { COUNTRIES } from '../../shared/dial-codes.ts';

export interface CountryOption {
  iso: string;
  dialCode: string;
  name: string;
}

/** The emoji flag of a country: its two letters as regional indicator symbols. */
export const flagOf = (iso: string): string =>
  String.fromCodePoint(...Array.from(iso, (letter) => 0x1f1a5 + letter.charCodeAt(0)));

/** Countries sorted by their name in `locale`; the ISO code stands in where the name is unknown. */
export function countryOptions(locale: string): CountryOption[] {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([locale], { type: 'region' });
  } catch {
    // Older engines lack DisplayNames: ISO codes are still a usable list.
  }
  const compare = new Intl.Collator(locale).compare;
  return COUNTRIES.map(({ iso, dialCode }) => ({
    iso,
    dialCode,
    name: names?.of(iso) ?? iso,
  })).sort((a, b) => compare(a.name, b.name));
}
