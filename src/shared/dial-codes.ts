import { DIAL_CODE_GROUPS, INTERNATIONAL_PREFIXES } from './dial-codes.data.ts';

/** One country's dialling facts, generated from libphonenumber metadata. */
export interface Country {
  /** ISO 3166-1 alpha-2, upper case. */
  iso: string;
  /** Dial code with the plus sign, e.g. `"+44"`. */
  dialCode: string;
  /** Digit(s) dialled before a national number inside the country (`"0"` in the UK), or `""`. */
  trunkPrefix: string;
  /** Possible lengths of the national number (fixed line and mobile). */
  lengths: readonly number[];
  /** Pattern on the national number's first digits that selects this country among those sharing its code. */
  leadingDigits: RegExp | undefined;
  /** Whether this is the calling code's main country (US for +1, GB for +44). */
  main: boolean;
}

// Countries by dial code, main one first, as the generator wrote them.
const byDialCode = new Map<string, Country[]>();
for (const group of DIAL_CODE_GROUPS.split(' ')) {
  const dialCode = `+${Number.parseInt(group, 10)}`;
  const countries = Array.from(
    group.matchAll(/([A-Z]{2})(\d*)([a-l]+)([^A-Z,]*)/g),
    ([, iso = '', trunkPrefix = '', lengths = '', leading], index): Country => ({
      iso,
      dialCode,
      trunkPrefix,
      // A length is stored as one letter: "a" is 4 digits.
      lengths: Array.from(lengths, (letter) => letter.charCodeAt(0) - 93),
      leadingDigits: leading ? new RegExp(`^(?:${leading})`) : undefined,
      main: !index,
    }),
  );
  byDialCode.set(dialCode, countries);
}

/** Every country, sorted by ISO code. */
export const COUNTRIES: readonly Country[] = [...byDialCode.values()]
  .flat()
  .sort((a, b) => (a.iso < b.iso ? -1 : 1));

const byIso = new Map(COUNTRIES.map((country) => [country.iso, country]));

export function countryByIso(iso: string): Country | undefined {
  return byIso.get(iso.toUpperCase());
}

/** Countries with this dial code, the code's main country first. */
export function countriesByDialCode(dialCode: string): Country[] {
  return byDialCode.get(dialCode) ?? [];
}

export function isKnownDialCode(dialCode: string): boolean {
  return byDialCode.has(dialCode);
}

/** Keeps the digits only: people type spaces, dots, dashes and brackets. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/**
 * The national number without its trunk prefix (`07911 123456` in GB gives `7911123456`).
 * With `lengths`, a leading trunk digit is kept when the digits already have a possible
 * length and would not without it: Russia's trunk is 8, but so is St Petersburg's 812. Only
 * for such a trunk: no national number starts with 0 or 1, and keeping those would let a
 * number one digit short through (`07911 12345` is not 10 digits of a UK number).
 */
export function nationalNumber(
  phone: string,
  trunkPrefix: string,
  lengths?: readonly number[],
): string {
  const digits = phoneDigits(phone);
  if (!trunkPrefix || !digits.startsWith(trunkPrefix)) return digits;
  const stripped = digits.slice(trunkPrefix.length);
  const keepWhole =
    lengths !== undefined &&
    /^[2-9]/.test(trunkPrefix) &&
    !lengths.includes(stripped.length) &&
    lengths.includes(digits.length);
  return keepWhole ? digits : stripped;
}

const prefixes = new Map(
  INTERNATIONAL_PREFIXES.split(' ').map((pair) => pair.split(':') as [string, string]),
);

/** The international prefix dialled from this calling code's countries, "00" for most. */
export function internationalPrefix(dialCode: string): string {
  return prefixes.get(dialCode.slice(1)) ?? '00';
}
