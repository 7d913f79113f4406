// Builds the body of POST /v1/leads (docs/contract.md §6) from what the visitor typed and the
// settings.
import { countriesByDialCode } from '../../shared/dial-codes.ts';
import { type FormField, LIMITS, messageSchema, nameSchema } from '../../shared/lead-fields.ts';
// Type only: the strict object schema would cost ~3 KB of bundle (the relay runs it anyway).
import type { LeadSubmission } from '../../shared/lead-submission.ts';
import { readPhone } from '../../shared/phone-input.ts';
import type { Attribute, FormValues, WidgetSettings } from '../types.ts';

export type { LeadSubmission };

/** Fields left empty are undefined, so JSON leaves them out. */
export function buildSubmission(
  values: FormValues,
  settings: WidgetSettings,
  uuid: string,
  context: Attribute[],
  /** The answers to the owner's questions: first, so page context never pushes them out. */
  answers: Attribute[] = [],
): LeadSubmission {
  const shown = (field: FormField) =>
    (settings.fields.includes(field) && values[field].trim()) || undefined;
  // Free text is sent as the relay's schema keeps it: bidi controls and invisible characters
  // gone, accents composed (shared/text-hygiene.ts).
  const cleaned = (schema: ReturnType<typeof nameSchema>, text = '') =>
    (schema.safeParse(text).data ?? text) || undefined;
  const typed = shown('phone') ?? '';
  // A number typed as "+44 7911 123456" carries its own dial code, whatever the selector says.
  // Sent as national digits (and its extension), which the relay checks and forwards.
  const [selected] = countriesByDialCode(values.dialCode.trim());
  const reading = selected && readPhone(typed, selected);
  const dialCode = reading?.country.dialCode ?? values.dialCode.trim();
  const phone = reading
    ? `${reading.national}${reading.extension && ` ext. ${reading.extension}`}` || undefined
    : typed || undefined;
  // Answers, then the site's attributes, win over page context on the same key; values and
  // count bounded.
  const keys = new Set<string>();
  const attributes = [...answers, ...settings.attributes, ...context]
    .filter(({ key }) => !keys.has(key) && keys.add(key))
    .slice(0, LIMITS.attributes)
    .map(({ key, value }) => ({ key, value: value.slice(0, LIMITS.attributeValue) }));
  return {
    uuid,
    botId: settings.botId,
    customerId: settings.customerId,
    name: cleaned(nameSchema(), shown('name')),
    email: shown('email'),
    phone,
    dialCode: phone && dialCode,
    message: cleaned(messageSchema(), shown('message')),
    consent: settings.consent === undefined ? undefined : values.consent,
    tags: settings.tags.length ? settings.tags : undefined,
    attributes: attributes.length ? attributes : undefined,
    website: values.website.slice(0, LIMITS.name),
  };
}
