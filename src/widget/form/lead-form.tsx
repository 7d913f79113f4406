// The form in its states: ready, busy (read-only, the button aria-disabled), refused or invalid
// (data kept, the status says so), and sent or kept, where the status replaces it.
import { h } from 'preact';
import { FORM_FIELDS, type FormField, LIMITS } from '../../shared/lead-fields.ts';
import { ConsentField } from './consent-field.tsx';
import { control, Field } from './field.tsx';
import { OwnerQuestion, questionId } from './owner-question.tsx';
import { PhoneField } from './phone-field.tsx';
import { statusText } from './status-text.ts';
import type { ErrorKey } from './validate-form.ts';
import type { ViewProps } from './view-props.ts';
import { isDone } from './view-state.ts';

export function LeadForm({ settings, t, options, questions, state, act }: ViewProps) {
  const done = isDone(state);
  // A send is remembered: say so, with a way to send again (README "Not asking twice").
  if (state.remembered && !done) {
    return (
      <div>
        <p class="done" part="status" tabIndex={-1}>
          {t.remembered}
        </p>
        <button type="button" part="button" class="again" onClick={act.sendAgain}>
          {t.sendAgain}
        </button>
      </div>
    );
  }
  const error = (key: ErrorKey) => {
    const text = state.errors[key];
    return text && t[text];
  };
  const required = (field: FormField) => settings.required.includes(field);
  const field = (id: FormField) => {
    if (id === 'phone') {
      return (
        <PhoneField
          country={state.country}
          options={options}
          error={error(id)}
          countryError={error('dialCode')}
          required={required(id)}
          t={t}
          act={act}
        />
      );
    }
    const props = { ...control(id, error(id), required(id)), maxLength: LIMITS[id] };
    return (
      <Field id={id} label={t[id]} error={error(id)} required={required(id)}>
        {id === 'message' ? (
          <textarea {...props} rows={4} />
        ) : (
          <input {...props} type={id === 'email' ? id : 'text'} autocomplete={id} />
        )}
      </Field>
    );
  };

  return (
    <div>
      {!done && (
        <form
          part="form"
          noValidate
          aria-busy={state.busy}
          onSubmit={act.submit}
          onInput={act.edited}
        >
          {FORM_FIELDS.filter((id) => settings.fields.includes(id)).map(field)}
          {questions.map((question) => (
            <OwnerQuestion
              field={question}
              locale={settings.locale}
              error={error(questionId(question))}
            />
          ))}
          {settings.consent !== undefined && (
            <ConsentField
              text={settings.consent}
              privacyUrl={settings.privacyUrl}
              privacyLabel={t.privacy}
              error={error('consent')}
            />
          )}
          {/* Honeypot: off-screen by the stylesheet, out of the tab order and the a11y tree. */}
          <div class="honeypot" aria-hidden="true">
            <input name="website" tabIndex={-1} autocomplete="off" />
          </div>
          {/* aria-disabled, not disabled: a disabled button would drop focus to <body>. */}
          <button type="submit" part="button" aria-disabled={state.busy || undefined}>
            {t.send}
          </button>
        </form>
      )}
      {/* One live region for every outcome; it takes focus once it replaces the form. */}
      <p
        role="status"
        aria-live="polite"
        part="status"
        class={done ? 'done' : undefined}
        tabIndex={done ? -1 : undefined}
      >
        {statusText(t, state)}
      </p>
    </div>
  );
}
