// Checks the form before any request, field by field with the relay's own field schemas, and
// places the relay's 400 issues on the fields they name.
import type * as z from 'zod/mini';
import { countryByIso } from '../../shared/dial-codes.ts';
import {
  emailSchema,
  type FormField,
  messageSchema,
  nameSchema,
  phoneSchema,
} from '../../shared/lead-fields.ts';
import { isPossiblePhone } from '../../shared/phone-input.ts';
import type { FieldIssue, FormValues, WidgetSettings } from '../types.ts';
import type { ErrorText } from './strings.ts';

/** What the form holds, plus the country picked for the phone (several share +1). */
export interface Draft extends FormValues {
  country: string;
}

/** The controls an error can sit on; `q-<key>`: a question of the site owner's. */
export type ErrorKey = FormField | 'dialCode' | 'consent' | `q-${string}`;
export type FieldErrors = { [key in ErrorKey]?: ErrorText };

type Settings = Pick<WidgetSettings, 'fields' | 'required' | 'consent'>;

const passes = (schema: z.ZodMiniType, value: string) => schema.safeParse(value).success;

const RULES: Record<FormField, [check: (value: string, draft: Draft) => boolean, ErrorText]> = {
  name: [(value) => passes(nameSchema(), value), 'bad'],
  email: [(value) => passes(emailSchema(), value), 'badEmail'],
  phone: [
    (value, draft) => {
      const country = countryByIso(draft.country);
      return passes(phoneSchema(), value) && !!country && isPossiblePhone(value, country);
    },
    'badPhone',
  ],
  message: [(value) => passes(messageSchema(), value), 'bad'],
};

const CONTACT: FormField[] = ['name', 'email', 'phone'];

/** The errors of a draft; empty when it may be sent. */
export function validateForm(draft: Draft, settings: Settings): FieldErrors {
  const errors: FieldErrors = {};
  const shown = settings.fields;
  for (const field of shown) {
    const value = draft[field].trim();
    const [check, text] = RULES[field];
    if (value ? !check(value, draft) : settings.required.includes(field)) {
      errors[field] = value ? text : 'required';
    }
  }
  // The relay refuses a lead with no way to reach the person: ask on the first such field.
  const contact = CONTACT.filter((field) => shown.includes(field));
  if (contact.every((field) => !draft[field].trim()) && contact[0]) {
    errors[contact[0]] ??= 'required';
  }
  if (settings.consent !== undefined && !draft.consent) errors.consent = 'required';
  return errors;
}

/** The relay's issues on controls the form shows; the caller reports the rest as a failure. */
export function issuesToErrors(issues: FieldIssue[], settings: Settings): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path } of issues) {
    const key = (path === 'dialCode' ? 'phone' : path) as FormField;
    if (path === 'consent' && settings.consent !== undefined) errors.consent = 'required';
    else if (settings.fields.includes(key)) {
      errors[path as ErrorKey] = path === 'dialCode' ? 'bad' : RULES[key][1];
    }
  }
  return errors;
}
