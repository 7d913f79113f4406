// A resend the relay refuses for its phone alone has no visitor left to fix it: send the rest,
// with the number as typed in the message, so the owner can still read it (issue 8).
import { LIMITS } from '../../shared/lead-limits.ts';
import type { FieldIssue, LeadSubmission } from '../../shared/lead-submission.ts';

const PHONE_PATHS = ['phone', 'dialCode'];

/** Whether every issue is about the phone number (and there is at least one). */
export const onlyPhoneIssues = (issues: FieldIssue[]): boolean =>
  issues.length > 0 && issues.every(({ path }) => PHONE_PATHS.includes(path));

/** The body without phone and dial code; the number as typed closes the message. */
export function withoutPhone(body: LeadSubmission, phoneAsTyped: string): LeadSubmission {
  const { phone: _phone, dialCode: _dialCode, message, ...rest } = body;
  const line = `Phone as typed (not accepted as a number): ${phoneAsTyped}`;
  const kept = (message ?? '').slice(0, LIMITS.message - line.length - 2);
  return { ...rest, message: kept ? `${kept}\n\n${line}` : line };
}
