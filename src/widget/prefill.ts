// Checks what a page passes to EleapiLeads.prefill(): strings only, bounded, known keys.
import { isKnownDialCode } from '../shared/dial-codes.ts';
import { LIMITS } from '../shared/lead-fields.ts';
import { LOG_PREFIX } from './settings.ts';
import type { Prefill } from './types.ts';

const MAX: Record<string, number> = {
  name: LIMITS.name,
  email: LIMITS.email,
  phone: LIMITS.phone,
  dialCode: 5,
};

/** The valid part of the input; each bad key gets one console error naming it. */
export function parsePrefill(input: unknown, report: (message: string) => void): Prefill {
  const prefill: Record<string, string> = {};
  if (typeof input !== 'object' || input === null) {
    report(`${LOG_PREFIX}prefill() takes an object like { name, email, phone, dialCode }`);
    return prefill;
  }
  for (const [key, value] of Object.entries(input)) {
    const max = MAX[key];
    if (value === undefined) continue;
    if (max === undefined) {
      report(`${LOG_PREFIX}prefill(): unknown field "${key}"; use name, email, phone, dialCode`);
    } else if (
      typeof value !== 'string' ||
      value.length > max ||
      (key === 'dialCode' && !isKnownDialCode(value.trim()))
    ) {
      report(
        `${LOG_PREFIX}prefill(): ${key} must be ${key === 'dialCode' ? 'a dial code like "+44"' : `text of at most ${max} characters`}`,
      );
    } else {
      prefill[key] = value.trim();
    }
  }
  return prefill;
}
