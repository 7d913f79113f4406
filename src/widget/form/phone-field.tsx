// The phone number: a native country <select> (typeahead by name works from the keyboard) and a
// tel input showing the chosen flag and code in front of the digits.
import { h, type VNode } from 'preact';
import { countryByIso } from '../../shared/dial-codes.ts';
import { flagOf } from './countries.ts';
import { control, Field } from './field.tsx';
import type { Strings } from './strings.ts';
import type { ViewActions } from './view-state.ts';

interface PhoneFieldProps {
  country: string;
  options: VNode[];
  countryError: string | undefined;
  error: string | undefined;
  required: boolean;
  t: Strings;
  act: ViewActions;
}

export const PhoneField = ({
  country,
  countryError,
  error,
  required,
  t,
  ...props
}: PhoneFieldProps) => [
  // Two fields side by side in the form: an array, so no Fragment is needed.
  <Field id="country" label={t.country} error={countryError}>
    <select
      {...control('country', countryError)}
      value={country}
      onChange={props.act.pickCountry}
      onFocus={props.act.listCountries}
      onPointerDown={props.act.listCountries}
    >
      {props.options}
    </select>
  </Field>,
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
        // On leaving the field, not per keystroke: "+1" alone cannot tell US from Antigua.
        onChange={props.act.splitPhone}
      />
    </div>
  </Field>,
];
