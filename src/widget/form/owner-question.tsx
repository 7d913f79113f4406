// One of the site owner's questions (shared/owner-fields.ts), drawn after the built-in fields
// and before consent. Controls are named `q-<key>` so an owner key like "email" never meets
// the built-in field of that name in the form or in an error.
import { h } from 'preact';
import { localize, type OwnerField } from '../../shared/owner-fields.ts';
import { control, Field } from './field.tsx';

/** The control's id and name, and its key in the form's errors. */
export const questionId = (field: Pick<OwnerField, 'key'>) => `q-${field.key}` as const;

export function OwnerQuestion({
  field,
  locale,
  error,
}: {
  field: OwnerField;
  locale: string;
  error: string | undefined;
}) {
  const id = questionId(field);
  const props = control(id, error, field.required);
  const check = field.kind === 'checkbox';
  const text = { ...props, maxLength: field.maxLength };
  const input =
    field.kind === 'select' ? (
      <select {...props}>
        {/* Nothing is chosen for the visitor: an empty first option. */}
        <option value="" />
        {field.options.map((option) => (
          <option value={option.value}>{localize(option.label, locale)}</option>
        ))}
      </select>
    ) : field.kind === 'textarea' ? (
      <textarea {...text} rows={3} />
    ) : check ? (
      <input {...props} type="checkbox" />
    ) : (
      // Numbers as text with a decimal keypad: type=number refuses "2,5" in some browsers.
      <input
        {...text}
        type={field.kind === 'email' ? 'email' : 'text'}
        inputMode={field.kind === 'number' ? 'decimal' : undefined}
      />
    );
  return (
    <Field
      id={id}
      label={localize(field.label, locale)}
      error={error}
      required={field.required}
      check={check}
    >
      {input}
    </Field>
  );
}

/** What the form holds for each question: a checkbox's state, else the text. */
export function readAnswers(form: HTMLFormElement, fields: readonly OwnerField[]) {
  const data = new FormData(form);
  return Object.fromEntries(
    fields.map((field) => {
      const name = questionId(field);
      return [field.key, field.kind === 'checkbox' ? data.has(name) : String(data.get(name) ?? '')];
    }),
  );
}
