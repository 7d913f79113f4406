import { describe, expect, it } from 'vitest';
import { checkLeadPhone } from '../../src/relay/phone-check.ts';
import type { ParsedLeadSubmission } from '../../src/shared/lead-submission.ts';

const lead = (phone: string, dialCode: string): ParsedLeadSubmission => ({
  uuid: '7e88d192-9b20-4035-9b68-d4ac3d58a34f',
  botId: 'bot',
  customerId: 'cust',
  phone,
  dialCode,
});

describe('checkLeadPhone (libphonenumber, max metadata)', () => {
  it.each([
    // typed, dial code chosen, national number forwarded, dial code forwarded, extension
    ['07911 123456', '+44', '7911123456', '+44', undefined],
    ['0044 7911 123456', '+1', '7911123456', '+44', undefined],
    ['0049 151 23456789', '+49', '15123456789', '+49', undefined],
    ['011 44 7911 123456', '+1', '7911123456', '+44', undefined],
    ['011 15-2345-6789', '+54', '91123456789', '+54', undefined],
    ['111523456789', '+54', '91123456789', '+54', undefined],
    ['tel:+447911123456', '+1', '7911123456', '+44', undefined],
    ['+1 (202) 555-0123 ext. 12', '+1', '2025550123', '+1', '12'],
    ['2025550123 ext. 12', '+1', '2025550123', '+1', '12'],
    ['812 123 45 67', '+7', '8121234567', '+7', undefined],
    ['8 (912) 345-67-89', '+7', '9123456789', '+7', undefined],
    ['(11) 96123-4567', '+55', '11961234567', '+55', undefined],
    ['050 123 4567', '+971', '501234567', '+971', undefined],
  ])('accepts %s (chosen %s) and forwards %s with %s', (typed, chosen, phone, dialCode, ext) => {
    const checked = checkLeadPhone(lead(typed, chosen));
    expect(checked).toMatchObject({ ok: true, lead: { phone, dialCode } });
    if (checked.ok) expect(checked.lead.phoneExtension).toBe(ext);
  });

  it.each([
    ['07911 12345', '+44', 'United Kingdom'],
    ['(11) 6123-4567', '+55', 'Brazil'],
    ['050 123 456', '+971', 'United Arab Emirates'],
    ['0049 151 2345678901', '+44', 'Germany'],
    ['98765', '+91', 'India'],
    ['+999 123', '+44', 'United Kingdom'],
  ])('refuses %s (chosen %s), naming %s', (typed, chosen, name) => {
    expect(checkLeadPhone(lead(typed, chosen))).toEqual({
      ok: false,
      issues: [{ path: 'phone', message: `This doesn't look like a valid number for ${name}` }],
    });
  });

  it('passes a lead without a phone through unchanged', () => {
    const noPhone = { ...lead('', ''), name: 'Ada' };
    expect(checkLeadPhone(noPhone)).toEqual({ ok: true, lead: noPhone });
  });
});
