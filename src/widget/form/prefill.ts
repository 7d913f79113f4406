// Checks what a page passes to EleapiLeads.prefill(): strings only, bounded, known keys.
import { isKnownDialCode } from '../../shared/dial-codes.ts';
import { LIMITS } from '../../shared/lead-fields.ts';
import type { Prefill, Report } from '../types.ts';

const MAX: Record<string, number> = { name: LIMITS.name, email: LIMITS.email, phone: LIMITS.phone };

/** The valid part of the input; each bad key gets one console error naming it. */
export function parsePrefill(input: unknown, report: Report): Prefill {
  const prefill: Record<string, string> = {};
  if (typeof input !== 'object' || !input) {
    report('prefill() takes an object like { name, email, phone, dialCode }');
    return prefill;
  }
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const max = MAX[key];
    const dialCode = key === 'dialCode';
    if (
      typeof value === 'string' &&
      (dialCode ? isKnownDialCode(value.trim()) : !!max && value.length <= max)
    ) {
      prefill[key] = value.trim();
    } else {
      report(
        `prefill(): ${
          dialCode
            ? 'dialCode must be a dial code like "+44"'
            : max
              ? `${key} must be text of at most ${max} characters`
              : `unknown field "${key}"; use name, email, phone, dialCode`
        }`,
      );
    }
  }
  return prefill;
}
