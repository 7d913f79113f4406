// The form in its states: idle, busy (button disabled), failed (data kept, status says so), and
// sent or queued, where a thank-you replaces it.
import { h } from 'preact';
import { FORM_FIELDS, type FormField, LIMITS } from '../../shared/lead-fields.ts';
import { ConsentField } from './consent-field.tsx';
import { control, Field } from './field.tsx';
import { PhoneField } from './phone-field.tsx';
import type { ErrorKey } from './validate-form.ts';
import type { ViewProps } from './view-props.ts';

export function LeadForm({ settings, t, options, state, act }: ViewProps) {
  const { phase } = state;
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
      {phase === 'sent' || phase === 'queued' ? (
        <p class="done" tabIndex={-1} part="status">
          {t[phase]}
        </p>
      ) : (
        <form
          part="form"
          noValidate
          aria-busy={phase === 'busy'}
          onSubmit={act.submit}
          onInput={act.edited}
        >
          {FORM_FIELDS.filter((id) => settings.fields.includes(id)).map(field)}
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
          <button type="submit" part="button" disabled={phase === 'busy'}>
            {t.send}
          </button>
        </form>
      )}
      <p role="status" aria-live="polite" part="status">
        {phase === 'busy' ? t.sending : phase === 'failed' ? t.failed : ''}
      </p>
    </div>
  );
}
