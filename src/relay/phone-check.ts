// The relay is the authority on phone numbers: libphonenumber with its full metadata checks
// every number for its dial code, and the relay forwards what it read, not what was typed.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { countriesByDialCode } from '../shared/dial-codes.ts';
import type { FieldIssue, ParsedLeadSubmission } from '../shared/lead-submission.ts';
import { readPhone } from '../shared/phone-input.ts';

/** A submission whose phone, if any, is valid: national number, `+CC`, extension apart. */
export type CheckedLead = ParsedLeadSubmission & { phoneExtension?: string };

export type PhoneCheck = { ok: true; lead: CheckedLead } | { ok: false; issues: FieldIssue[] };

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** "United Kingdom" for GB; the code itself where the runtime has no name for it. */
const countryName = (iso: string) => regionNames.of(iso) ?? iso;

/**
 * Checks the phone of a schema-valid submission for its dial code. A number that carries its
 * own code (`+49 …`, `0049 …`) is checked for that code, as the widget reads it.
 */
export function checkLeadPhone(lead: ParsedLeadSubmission): PhoneCheck {
  const { phone, dialCode } = lead;
  if (!phone || !dialCode) return { ok: true, lead };
  const [main] = countriesByDialCode(dialCode);
  const reading = main && readPhone(phone, main);
  const country = reading?.country ?? main;
  // libphonenumber applies the national rules (trunk prefix, Argentina's "15") to the digits.
  const code = (country?.dialCode ?? dialCode).slice(1);
  const parsed =
    reading &&
    parsePhoneNumberFromString(reading.digits, { defaultCallingCode: code, extract: false });
  if (!reading || !parsed?.isValid()) {
    const name = countryName(parsed?.country ?? country?.iso ?? 'ZZ');
    return {
      ok: false,
      issues: [{ path: 'phone', message: `This doesn't look like a valid number for ${name}` }],
    };
  }
  const checked: CheckedLead = {
    ...lead,
    phone: parsed.nationalNumber,
    dialCode: `+${parsed.countryCallingCode}`,
  };
  if (reading.extension) checked.phoneExtension = reading.extension;
  return { ok: true, lead: checked };
}
