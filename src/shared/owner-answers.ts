// The visitor's answers to the owner's questions: checked in the browser with the same text
// rule the relay applies to attribute values (trimmed(), lead-fields.ts), then sent as
// `attributes` `{key, value}`.
import { emailSchema, trimmed } from './lead-fields.ts';
import type { OwnerField } from './owner-fields.ts';

/** What a text control holds, or a checkbox's state. */
export type OwnerAnswer = string | boolean;
export type OwnerAnswers = Record<string, OwnerAnswer | undefined>;

/** Names the form's own error texts (ui/strings.ts ErrorText), so no new locale strings. */
export type OwnerAnswerError = 'required' | 'bad' | 'badEmail';

/** Checkbox answers as the inbox shows them: a ticked box and an unticked one both answer. */
export const CHECKBOX_VALUES = { true: 'yes', false: 'no' } as const;

// Digits with an optional decimal part after "." or ","; "1,000" is refused rather than read as
// one (a thousands separator in English, a decimal sign in German).
const NUMBER = /^[+-]?\d+(\.\d+|,(?!\d{3}$)\d+)?$/;

/**
 * The value to send for one question (undefined: left empty, nothing sent), or why not.
 *
 * @example
 * const [guests] = parseOwnerFields('[{"kind":"number","key":"guests","label":"Guests"}]', alert);
 * if (guests) checkOwnerAnswer(guests, ' 12 '); // { value: '12' }
 */
export function checkOwnerAnswer(
  field: OwnerField,
  answer: OwnerAnswer | undefined,
): { value: string | undefined } | { error: OwnerAnswerError } {
  if (field.kind === 'checkbox') {
    const ticked = answer === true;
    return field.required && !ticked
      ? { error: 'required' }
      : { value: CHECKBOX_VALUES[`${ticked}`] };
  }
  if (typeof answer === 'boolean') return { error: 'bad' };
  const parsed = trimmed(field.maxLength, field.key).safeParse(answer ?? '');
  if (!parsed.success) return { error: 'bad' };
  const value = parsed.data;
  if (!value) return field.required ? { error: 'required' } : { value: undefined };
  switch (field.kind) {
    case 'email': {
      const email = emailSchema().safeParse(value);
      return email.success ? { value: email.data } : { error: 'badEmail' };
    }
    case 'number': {
      // Sent as typed, with "." as the decimal sign: eleapi gets one spelling of "2,5".
      const typed = value.replace(',', '.');
      const number = NUMBER.test(value) ? Number(typed) : Number.NaN;
      const inRange =
        Number.isFinite(number) &&
        (field.min === undefined || number >= field.min) &&
        (field.max === undefined || number <= field.max);
      return inRange ? { value: typed } : { error: 'bad' };
    }
    case 'select':
      return field.options.some((option) => option.value === value) ? { value } : { error: 'bad' };
    default:
      return { value };
  }
}

/** The errors of the answers, by question key; empty when they may be sent. */
export function checkOwnerAnswers(
  fields: readonly OwnerField[],
  answers: OwnerAnswers,
): Record<string, OwnerAnswerError> {
  const errors: Record<string, OwnerAnswerError> = {};
  for (const field of fields) {
    const result = checkOwnerAnswer(field, answers[field.key]);
    if ('error' in result) errors[field.key] = result.error;
  }
  return errors;
}

/**
 * The answers as lead attributes, in declaration order; empty and invalid answers are left out
 * (the form checks with checkOwnerAnswers before sending).
 *
 * @example
 * const fields = parseOwnerFields('[{"kind":"text","key":"company","label":"Company"}]', alert);
 * toOwnerAttributes(fields, { company: 'Acme', guests: '40' })
 * // [{ key: 'company', value: 'Acme' }]: guests is not a question
 */
export function toOwnerAttributes(
  fields: readonly OwnerField[],
  answers: OwnerAnswers,
): { key: string; value: string }[] {
  return fields.flatMap((field) => {
    const result = checkOwnerAnswer(field, answers[field.key]);
    return 'value' in result && result.value !== undefined
      ? [{ key: field.key, value: result.value }]
      : [];
  });
}
