// The one reading of a typed phone number, for both ends: the widget's cheap pre-check and the
// relay, which hands the reading to libphonenumber. People write `+44 7911 123456`,
// `0044 7911 123456`, `011 44 …` (North America), `tel:+447911123456`, `+44 (0)20 …`,
// `… ext. 12`: all of those are the same few facts.
import {
  type Country,
  countriesByDialCode,
  internationalPrefix,
  nationalNumber,
  phoneDigits,
} from './dial-codes.ts';

export interface PhoneReading {
  /** The number's country: from its own country code when it has one, else the selected one. */
  country: Country;
  /** Whether the text carried its country code (`+44`, `0044`, `011 44`). */
  international: boolean;
  /** Digits after the country code, as typed (a trunk `0` kept): what libphonenumber reads. */
  digits: string;
  /** The national number, trunk prefix dropped by the length rule of `nationalNumber`. */
  national: string;
  /** The extension's digits (`"12"` from `ext. 12`), or `""`. */
  extension: string;
  /** The field's text after the country code, the visitor's own grouping kept. */
  display: string;
}

/**
 * A phone number as people write or paste it: an optional `tel:`, an optional `+`, digits with
 * spaces, dots, dashes, slashes or brackets, then an optional extension ("ext. 12", "x12",
 * "#12", a tel: URI's ";ext=12") and tel: parameters, which say nothing a caller needs.
 */
export const PHONE_TEXT =
  /^(?:tel:)?(\+?[\d\s().\-/]*\d[\d\s().\-/]*?)\s*(?:(?:;ext=|,?\s*(?:ext(?:ension)?\.?|x|#))\s*(\d{1,7}))?(?:;[\w.=%-]*)*$/i;

/** Takes `tel:` and the extension off; undefined when the text is not a phone number. */
function separate(typed: string): { number: string; extension: string } | undefined {
  const match = PHONE_TEXT.exec(typed.trim());
  return match ? { number: match[1] ?? '', extension: match[2] ?? '' } : undefined;
}

/** The text after its first `count` digits, without the separators that led to the rest. */
function afterDigits(text: string, count: number): string {
  let index = 0;
  for (let seen = 0; seen < count && index < text.length; index++) {
    if (/\d/.test(text.charAt(index))) seen++;
  }
  return text.slice(index).replace(/^[\s.\-/)]+/, '');
}

/**
 * Reads what the visitor typed with `selected` as the country of a national number. Undefined
 * when it is not a number, or starts with a country code that no country has.
 */
export function readPhone(typed: string, selected: Country): PhoneReading | undefined {
  const parts = separate(typed);
  if (!parts) return undefined;
  const { number, extension } = parts;
  const reading = (country: Country, digits: string, shown?: string): PhoneReading => ({
    country,
    international: shown !== undefined,
    digits,
    national: nationalNumber(digits, country.trunkPrefix, country.lengths),
    extension,
    display: `${shown ?? number}${extension && ` ext. ${extension}`}`,
  });
  // "(0)" after a country code marks the trunk digit dialled only at home: "+44 (0)20 …".
  const digits = phoneDigits(number.replace(/(?!^)\(0\)/, ''));
  // "00" is the international prefix almost everywhere; "011" and "810" only where they are.
  const prefix = number.startsWith('+')
    ? ''
    : [internationalPrefix(selected.dialCode), '00'].find((p) => digits.startsWith(p));
  if (prefix === undefined) return reading(selected, digits);
  const rest = digits.slice(prefix.length);
  // Calling codes are prefix-free, so at most one length names a code.
  for (let size = 1; size <= 3; size++) {
    const candidates = countriesByDialCode(`+${rest.slice(0, size)}`);
    if (!candidates.length) continue;
    const local = rest.slice(size);
    const country =
      candidates.find((c) => c.leadingDigits?.test(local)) ?? (candidates[0] as Country);
    return reading(country, local, afterDigits(number, prefix.length + size));
  }
  return undefined;
}

/**
 * The widget's cheap check: the national number has a length the country's fixed or mobile
 * numbers have. Argentina writes mobiles with "15" after the area code (`011 15-2345-6789`),
 * two digits more than the number itself. The relay's libphonenumber check is the authority.
 */
export function isPossiblePhone(typed: string, selected: Country): boolean {
  const reading = readPhone(typed, selected);
  if (!reading) return false;
  const { country, national } = reading;
  return (
    country.lengths.includes(national.length) ||
    (country.iso === 'AR' && /^\d{2,4}15\d{6,8}$/.test(national) && national.length === 12)
  );
}
