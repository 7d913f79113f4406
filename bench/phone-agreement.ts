// How often the phone checks agree with libphonenumber-js (max metadata) as the judge, over a
// generated set: every region's example number in national, international and E.164 form, plus
// the same number one digit short and one digit long. Deterministic; `npm run bench` prints it
// and test/relay/phone-agreement.test.ts asserts the relay's part.

import examples from 'libphonenumber-js/examples.mobile.json';
import { getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { checkLeadPhone } from '../src/relay/phone-check.ts';
import { type Country, countryByIso } from '../src/shared/dial-codes.ts';
import { validateForm } from '../src/widget/form/validate-form.ts';

export interface PhoneCase {
  typed: string;
  /** The country selected in the form. */
  country: Country;
  /** The judge's verdict. */
  valid: boolean;
  /** Whether it is one of libphonenumber's own example numbers (in some form). */
  example: boolean;
}

export interface Agreement {
  cases: number;
  /** Cases where the check and the judge give the same answer. */
  agreed: number;
  accepted: number;
  /** Accepted and valid: precision is acceptedValid / accepted. */
  acceptedValid: number;
  examples: number;
  examplesAccepted: number;
  /** Invalid numbers the check let through. */
  invalidAccepted: number;
}

type Example = NonNullable<ReturnType<typeof getExampleNumber>>;
type Region = Parameters<typeof getExampleNumber>[0];

// The judge reads the text as typed, with the selected country for a national number: a typo
// may still be some valid number ("8771 000999" in Kazakhstan dials Russia's 877).
const judge = (typed: string, country: Country) =>
  !!parsePhoneNumberFromString(typed, country.iso as Region)?.isValid();

function typos(example: Example, country: Country): PhoneCase[] {
  const national = example.nationalNumber;
  const code = example.countryCallingCode;
  return [national.slice(0, -1), `${national}${national.at(-1)}`].flatMap((digits) => {
    const spaced = `${digits.slice(0, 3)} ${digits.slice(3)}`;
    return [`${country.trunkPrefix}${spaced}`, `+${code} ${spaced}`].map((typed) => ({
      typed,
      country,
      valid: judge(typed, country),
      example: false,
    }));
  });
}

/** The generated set; regions the form has no country for are left out (and counted). */
export function phoneCases(): { cases: PhoneCase[]; skippedRegions: string[] } {
  const cases: PhoneCase[] = [];
  const skippedRegions: string[] = [];
  for (const region of Object.keys(examples).sort()) {
    const example = getExampleNumber(region as Region, examples);
    const country = countryByIso(region);
    if (!example || !country) {
      skippedRegions.push(region);
      continue;
    }
    for (const typed of [example.formatNational(), example.formatInternational(), example.number]) {
      cases.push({ typed, country, valid: true, example: true });
    }
    cases.push(...typos(example, country));
  }
  return { cases, skippedRegions };
}

export function agreement(cases: PhoneCase[], accepts: (c: PhoneCase) => boolean): Agreement {
  const result: Agreement = {
    cases: cases.length,
    agreed: 0,
    accepted: 0,
    acceptedValid: 0,
    examples: 0,
    examplesAccepted: 0,
    invalidAccepted: 0,
  };
  for (const phoneCase of cases) {
    const accepted = accepts(phoneCase);
    if (accepted === phoneCase.valid) result.agreed++;
    if (accepted) result.accepted++;
    if (accepted && phoneCase.valid) result.acceptedValid++;
    if (accepted && !phoneCase.valid) result.invalidAccepted++;
    if (phoneCase.example) result.examples++;
    if (phoneCase.example && accepted) result.examplesAccepted++;
  }
  return result;
}

/** The relay's answer: its libphonenumber check with the selected country's dial code. */
export const relayAccepts = ({ typed, country }: PhoneCase) =>
  checkLeadPhone({
    uuid: '7e88d192-9b20-4035-9b68-d4ac3d58a34f',
    botId: 'bench',
    customerId: 'bench',
    phone: typed,
    dialCode: country.dialCode,
  }).ok;

/** The widget's answer: its pre-check, as the form runs it at submit. */
export const widgetAccepts = ({ typed, country }: PhoneCase) =>
  !validateForm(
    {
      name: '',
      email: '',
      phone: typed,
      dialCode: country.dialCode,
      country: country.iso,
      message: '',
      consent: false,
      website: '',
    },
    { fields: ['phone'], required: ['phone'], consent: undefined },
  ).phone;

const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)} %`;

/** One row per check, for the bench's table. */
export function phoneAgreementRows(): Record<string, Record<string, string | number>> {
  const { cases } = phoneCases();
  const rows: Record<string, Record<string, string | number>> = {};
  for (const [name, accepts] of [
    ['(e) relay: libphonenumber max', relayAccepts],
    ['(f) widget pre-check: lengths', widgetAccepts],
  ] as const) {
    const a = agreement(cases, accepts);
    rows[name] = {
      cases: a.cases,
      agreement: percent(a.agreed, a.cases),
      'precision (valid of accepted)': percent(a.acceptedValid, a.accepted),
      'examples accepted': percent(a.examplesAccepted, a.examples),
      'invalid accepted': a.invalidAccepted,
    };
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(phoneAgreementRows());
