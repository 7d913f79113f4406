// The phone number: a native country <select> (typeahead by name works from the keyboard) and a
// tel input showing the chosen flag and code in front of the digits.
import { useMemo } from 'preact/hooks';
import { countryByIso } from '../../shared/dial-codes.ts';
import { countryOptions, flagOf } from './countries.ts';
import { control, Field } from './field.tsx';
import type { Strings } from './strings.ts';

interface PhoneFieldProps {
  country: string;
  countryError: string | undefined;
  error: string | undefined;
  required: boolean;
  locale: string;
  t: Strings;
  onCountry(iso: string): void;
  onSplit(): void;
}

export function PhoneField({
  country,
  error,
  countryError,
  required,
  t,
  ...props
}: PhoneFieldProps) {
  // The same vnodes on every render, so typing does not re-diff ~245 options.
  const options = useMemo(
    () =>
      countryOptions(props.locale).map((c) => (
        <option value={c.iso}>{`${c.name} (${c.dialCode})`}</option>
      )),
    [props.locale],
  );
  return (
    <>
      <Field id="country" label={t.country} error={countryError}>
        <select
          {...control('country', countryError)}
          name="country"
          value={country}
          onChange={(event) => props.onCountry(event.currentTarget.value)}
        >
          {options}
        </select>
      </Field>
      <Field id="phone" label={t.phone} error={error} required={required}>
        <div class="tel">
          {/* ltr: "+966" would read "966+" inside an Arabic line. */}
          <span aria-hidden="true" dir="ltr">
            {`${flagOf(country)} ${countryByIso(country)?.dialCode}`}
          </span>
          <input
            {...control('phone', error, required)}
            type="tel"
            autocomplete="tel-national"
            name="phone"
            // On leaving the field, not per keystroke: "+1" alone cannot tell US from Antigua.
            onChange={props.onSplit}
          />
        </div>
      </Field>
    </>
  );
}
