// Builds the body of POST /v1/leads (CONTRACT §6) from what the visitor typed and the settings.
import { splitInternational } from '../shared/dial-codes.ts';
import { LIMITS, normalizePhone } from '../shared/lead-fields.ts';
// Type only: the strict object schema would cost ~3 KB of bundle (the relay runs it anyway).
import type { LeadSubmission } from '../shared/lead-submission.ts';
import type { Attribute } from './page-context.ts';
import type { FormValues, WidgetSettings } from './types.ts';

export type { LeadSubmission };

/** The visitor's own fields of a submission: what events carry, never ids or tracking. */
export type LeadFields = Pick<
  LeadSubmission,
  'name' | 'email' | 'phone' | 'dialCode' | 'message' | 'consent'
>;

export function buildSubmission(
  values: FormValues,
  settings: WidgetSettings,
  uuid: string,
  context: Attribute[],
): LeadSubmission {
  const shown = (field: 'name' | 'email' | 'phone' | 'message') =>
    settings.fields.includes(field) ? values[field].trim() : '';
  const body: LeadSubmission = {
    uuid,
    botId: settings.botId,
    customerId: settings.customerId,
  };
  const name = shown('name');
  const email = shown('email');
  const message = shown('message');
  if (name) body.name = name;
  if (email) body.email = email;
  const phone = phoneOf(shown('phone'), values.dialCode.trim());
  if (phone) Object.assign(body, phone);
  if (message) body.message = message;
  if (settings.consent !== undefined) body.consent = values.consent;
  if (settings.tags.length) body.tags = settings.tags;
  const attributes = boundAttributes([...settings.attributes, ...context]);
  if (attributes.length) body.attributes = attributes;
  body.website = values.website.slice(0, LIMITS.name);
  return body;
}

export function leadFields(body: LeadSubmission): LeadFields {
  const { name, email, phone, dialCode, message, consent } = body;
  return JSON.parse(JSON.stringify({ name, email, phone, dialCode, message, consent }));
}

// A number typed as "+44 7911 123456" carries its own dial code, whatever the selector says.
function phoneOf(typed: string, dialCode: string) {
  const international = splitInternational(typed);
  const code = international?.country.dialCode ?? dialCode;
  const phone = normalizePhone(international ? international.national : typed, code);
  return phone ? { phone, dialCode: code } : undefined;
}

/** The site's attributes win over page context on the same key; values and count bounded. */
function boundAttributes(attributes: Attribute[]): Attribute[] {
  const seen = new Set<string>();
  return attributes
    .filter(({ key }) => !seen.has(key) && seen.add(key))
    .slice(0, LIMITS.attributes)
    .map(({ key, value }) => ({ key, value: value.slice(0, LIMITS.attributeValue) }));
}
