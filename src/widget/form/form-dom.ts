// The form's inputs are uncontrolled: the DOM holds what the visitor typed (no state per
// keystroke, less code in the bundle), read once at submit and written only by prefill.
import { countryByIso } from '../../shared/dial-codes.ts';
import { readPhone } from '../../shared/phone-input.ts';
import type { Prefill } from '../types.ts';
import type { Draft } from './validate-form.ts';

const input = (form: HTMLFormElement, name: string) =>
  form.elements.namedItem(name) as HTMLInputElement | null;

/**
 * A number typed as `+44 7911 123456`, `0044 …` or `tel:+44…` shows its national part as the
 * visitor grouped it; returns the country its code picked. Left as typed when it cannot be
 * read, so validation can say so; digits are never changed, only the prefix taken off.
 */
export function splitPhone(form: HTMLFormElement, selected: string): string | undefined {
  const phone = input(form, 'phone');
  const country = countryByIso(selected);
  const found = phone && country && readPhone(phone.value, country);
  if (!found) return undefined;
  if (found.display !== phone.value.trim()) phone.value = found.display;
  return found.international ? found.country.iso : undefined;
}

/** Everything the form holds; fields not on screen read as empty, so they are never sent. */
export function readForm(form: HTMLFormElement, country: string): Draft {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '');
  return {
    name: text('name'),
    email: text('email'),
    phone: text('phone'),
    dialCode: countryByIso(country)?.dialCode ?? '',
    country,
    message: text('message'),
    consent: data.has('consent'),
    website: text('website'),
  };
}

/** Fills fields the page knows and the visitor left empty (their typing wins); may pick a country. */
export function prefillForm(
  form: HTMLFormElement,
  prefill: Prefill,
  selected: string,
): string | undefined {
  for (const name of ['name', 'email'] as const) {
    const field = input(form, name);
    if (field && !field.value && prefill[name]) field.value = prefill[name];
  }
  const phone = input(form, 'phone');
  const { phone: number = '', dialCode } = prefill;
  if (!phone || phone.value || !(number || dialCode)) return undefined;
  // Through the +CC path, so "+1" with "268 464 1234" picks Antigua by its leading digits.
  phone.value = number.trim().startsWith('+')
    ? number
    : `+${(dialCode ?? '').replace('+', '')}${number}`;
  const country = splitPhone(form, selected);
  if (!country) phone.value = number;
  return country;
}

/**
 * While sending: text fields read-only, so an edit cannot be made that would not be sent, and
 * focus never drops to <body> as it would from a disabled control. Selects and checkboxes have
 * no read-only state; they are disabled, which is safe since they never submit the form.
 */
export function lockForm(form: HTMLFormElement, locked: boolean): void {
  for (const control of Array.from(form.elements)) {
    if (control instanceof HTMLSelectElement) control.disabled = locked;
    else if (control instanceof HTMLInputElement && control.type === 'checkbox') {
      control.disabled = locked;
    } else if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) {
      control.readOnly = locked;
    }
  }
}
