// The form and its states: idle → submitting → sent | queued (form replaced) | failed (data kept).
import { useEffect, useRef, useState } from 'preact/hooks';
import { FORM_FIELDS, type FormField, LIMITS } from '../../shared/lead-fields.ts';
import type { FormController } from '../types.ts';
import { ConsentField } from './consent-field.tsx';
import { control, Field } from './field.tsx';
import { prefillForm, readForm, splitPhone } from './form-dom.ts';
import { PhoneField } from './phone-field.tsx';
import type { Strings } from './strings.ts';
import { type ErrorKey, type FieldErrors, issuesToErrors, validateForm } from './validate-form.ts';

type Phase = 'idle' | 'busy' | 'sent' | 'queued' | 'failed';

export function LeadForm({ controller, t }: { controller: FormController; t: Strings }) {
  const { settings } = controller;
  const [country, setCountry] = useState(settings.defaultCountry);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [phase, setPhase] = useState<Phase>('idle');
  // A ref, not state: a second click can land before the render that disables the button.
  const busy = useRef(false);
  const focusNext = useRef('');
  const root = useRef<HTMLDivElement>(null);
  const form = useRef<HTMLFormElement>(null);

  // Picks up a country that a "+CC" number typed into the phone field chose.
  const pick = (iso: string | undefined) => iso && setCountry(iso);
  useEffect(
    () =>
      controller.onPrefill((prefill) => form.current && pick(prefillForm(form.current, prefill))),
    [controller],
  );
  useEffect(() => {
    if (focusNext.current) root.current?.querySelector<HTMLElement>(focusNext.current)?.focus();
    focusNext.current = '';
  });

  const show = (found: FieldErrors) => {
    setErrors(found);
    const any = Object.keys(found).length > 0;
    if (any) focusNext.current = '[aria-invalid]';
    return any;
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const element = event.currentTarget as HTMLFormElement;
    if (busy.current) return;
    const iso = splitPhone(element) ?? country;
    pick(iso);
    const draft = readForm(element, iso);
    if (show(validateForm(draft, settings))) return;
    const { country: _, ...values } = draft;
    busy.current = true;
    setPhase('busy');
    const outcome = await controller.submit(values);
    busy.current = false;
    const { kind } = outcome;
    if (kind === 'invalid' && show(issuesToErrors(outcome.issues, settings))) setPhase('idle');
    else {
      const done = kind === 'sent' || kind === 'queued';
      focusNext.current = done ? '.d' : '[type=submit]';
      setPhase(done ? kind : 'failed');
    }
  };
  // What the visitor just changed is no longer known to be wrong.
  const clear = ({ target }: Event) => {
    const { name } = target as HTMLInputElement;
    const key = (name === 'country' ? 'dialCode' : name) as ErrorKey;
    setErrors((previous) => {
      const { [key]: gone, ...rest } = previous;
      return gone ? rest : previous;
    });
  };

  const error = (key: ErrorKey) => errors[key] && t[errors[key]];
  const required = (field: FormField) => settings.required.includes(field);
  const text = (field: 'name' | 'email' | 'message') => {
    const props = {
      ...control(field, error(field), required(field)),
      name: field,
      maxLength: LIMITS[field],
    };
    return (
      <Field id={field} label={t[field]} error={error(field)} required={required(field)}>
        {field === 'message' ? (
          <textarea {...props} rows={4} />
        ) : (
          <input {...props} type={field === 'email' ? field : 'text'} autocomplete={field} />
        )}
      </Field>
    );
  };

  return (
    <div ref={root}>
      {phase === 'sent' || phase === 'queued' ? (
        <p class="d" tabIndex={-1} part="status">
          {t[phase]}
        </p>
      ) : (
        <form
          ref={form}
          part="form"
          noValidate
          aria-busy={phase === 'busy'}
          onSubmit={submit}
          onInput={clear}
        >
          {FORM_FIELDS.map(
            (field) =>
              settings.fields.includes(field) &&
              (field === 'phone' ? (
                <PhoneField
                  country={country}
                  error={error('phone')}
                  countryError={error('dialCode')}
                  required={required(field)}
                  locale={settings.locale}
                  t={t}
                  onCountry={setCountry}
                  onSplit={() => form.current && pick(splitPhone(form.current))}
                />
              ) : (
                text(field)
              )),
          )}
          {settings.consent !== undefined && (
            <ConsentField
              text={settings.consent}
              privacyUrl={settings.privacyUrl}
              privacyLabel={t.privacy}
              error={error('consent')}
            />
          )}
          {/* Honeypot: off-screen by the stylesheet, out of the tab order and the a11y tree. */}
          <div class="hp" aria-hidden="true">
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
