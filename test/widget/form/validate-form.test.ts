import { describe, expect, it } from 'vitest';
import {
  type Draft,
  issuesToErrors,
  validateForm,
} from '../../../src/widget/form/validate-form.ts';
import type { WidgetSettings } from '../../../src/widget/types.ts';

type Settings = Pick<WidgetSettings, 'fields' | 'required' | 'consent'>;
const settings: Settings = {
  fields: ['name', 'email', 'phone', 'message'],
  required: ['name', 'email'],
  consent: undefined,
};
const draft = (patch: Partial<Draft> = {}): Draft => ({
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: '',
  dialCode: '+44',
  country: 'GB',
  message: '',
  consent: false,
  website: '',
  ...patch,
});

describe('validateForm', () => {
  it('accepts a complete lead', () => {
    expect(validateForm(draft(), settings)).toEqual({});
  });

  it('asks for required fields and lets optional ones stay empty', () => {
    expect(validateForm(draft({ name: ' ', email: '' }), settings)).toEqual({
      name: 'required',
      email: 'required',
    });
    expect(validateForm(draft({ name: '' }), { ...settings, required: ['email'] })).toEqual({});
  });

  it('checks the email with the relay schema', () => {
    expect(validateForm(draft({ email: 'ada@' }), settings)).toEqual({ email: 'badEmail' });
    expect(validateForm(draft({ email: ' Ada@Example.COM ' }), settings)).toEqual({});
  });

  it('checks the phone length against the chosen country', () => {
    expect(validateForm(draft({ phone: '07911 123456' }), settings)).toEqual({});
    expect(validateForm(draft({ phone: '7911 12345' }), settings)).toEqual({});
    expect(validateForm(draft({ phone: '7911 1234' }), settings)).toEqual({ phone: 'badPhone' });
    // Guernsey shares +44 with GB but only has 10-digit numbers.
    expect(validateForm(draft({ phone: '7911 12345', country: 'GG' }), settings)).toEqual({
      phone: 'badPhone',
    });
    expect(validateForm(draft({ phone: '202 555 0100', country: 'US' }), settings)).toEqual({});
    expect(validateForm(draft({ phone: '202 555 010', country: 'US' }), settings)).toEqual({
      phone: 'badPhone',
    });
  });

  it.each([
    ['0044 7911 123456', 'US'],
    ['011 44 7911 123456', 'US'],
    ['011 15-2345-6789', 'AR'],
    ['tel:+447911123456', 'GB'],
    ['+1 (202) 555-0123 ext. 12', 'US'],
    ['812 123 45 67', 'RU'],
    ['0049 151 23456789', 'GB'],
  ])('lets %s through with %s selected (the shared rule, not a copy)', (phone, country) => {
    expect(validateForm(draft({ phone, country }), settings)).toEqual({});
  });

  it('refuses letters and an unknown "+" code in the phone', () => {
    expect(validateForm(draft({ phone: '0791I 123456' }), settings)).toEqual({ phone: 'badPhone' });
    expect(validateForm(draft({ phone: '+999 123' }), settings)).toEqual({ phone: 'badPhone' });
  });

  it('checks name and message bounds', () => {
    expect(validateForm(draft({ name: 'x'.repeat(121) }), settings)).toEqual({ name: 'bad' });
    expect(validateForm(draft({ message: 'x'.repeat(2001) }), settings)).toEqual({
      message: 'bad',
    });
    expect(validateForm(draft({ message: 'x'.repeat(2000) }), settings)).toEqual({});
  });

  it('needs one way to reach the person even when nothing is required', () => {
    const none: Settings = { ...settings, required: [] };
    expect(validateForm(draft({ name: '', email: '' }), none)).toEqual({ name: 'required' });
    expect(validateForm(draft({ name: '', email: '', phone: '07911123456' }), none)).toEqual({});
  });

  it('ignores fields the form does not show', () => {
    const emailOnly: Settings = { fields: ['email'], required: ['email'], consent: undefined };
    expect(validateForm(draft({ name: '', phone: 'junk' }), emailOnly)).toEqual({});
  });

  it('requires consent only when the site asks for it', () => {
    expect(validateForm(draft(), { ...settings, consent: 'I agree' })).toEqual({
      consent: 'required',
    });
    expect(validateForm(draft({ consent: true }), { ...settings, consent: 'I agree' })).toEqual({});
  });
});

describe('issuesToErrors', () => {
  it('places relay issues on the controls they name', () => {
    const issues = [
      { path: 'email', message: 'email must be an address like name@example.com' },
      { path: 'phone', message: 'phone has the wrong number of digits for +44' },
      { path: 'dialCode', message: 'dialCode must be a country calling code' },
      { path: 'name', message: 'name must not contain control characters' },
    ];
    expect(issuesToErrors(issues, settings)).toEqual({
      email: 'badEmail',
      phone: 'badPhone',
      dialCode: 'bad',
      name: 'bad',
    });
  });

  it('leaves out issues on fields the visitor cannot see', () => {
    const issues = [
      { path: 'uuid', message: 'uuid must be a UUID' },
      { path: 'message', message: 'message must be at most 2000 characters' },
      { path: 'toString', message: 'odd' },
    ];
    expect(issuesToErrors(issues, settings)).toEqual({ message: 'bad' });
    expect(issuesToErrors(issues, { ...settings, fields: ['email'] })).toEqual({});
  });
});
