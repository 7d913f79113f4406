import { describe, expect, it } from 'vitest';
import { type Country, countryByIso } from '../../src/shared/dial-codes.ts';
import { isPossiblePhone, PHONE_TEXT, readPhone } from '../../src/shared/phone-input.ts';

const country = (iso: string) => countryByIso(iso) as Country;

describe('readPhone', () => {
  it.each([
    // typed, selected, country read, national number, extension, what the field shows
    ['+44 7911 123456', 'US', 'GB', '7911123456', '', '7911 123456'],
    ['0044 7911 123456', 'DE', 'GB', '7911123456', '', '7911 123456'],
    ['0049 151 23456789', 'GB', 'DE', '15123456789', '', '151 23456789'],
    ['011 44 7911 123456', 'US', 'GB', '7911123456', '', '7911 123456'],
    ['810 49 151 23456789', 'RU', 'DE', '15123456789', '', '151 23456789'],
    ['tel:+447911123456', 'US', 'GB', '7911123456', '', '7911123456'],
    [
      'tel:+1-202-555-0123;ext=12;phone-context=x',
      'GB',
      'US',
      '2025550123',
      '12',
      '202-555-0123 ext. 12',
    ],
    ['+1 (202) 555-0123 ext. 12', 'GB', 'US', '2025550123', '12', '(202) 555-0123 ext. 12'],
    ['202.555.0123 x7', 'US', 'US', '2025550123', '7', '202.555.0123 ext. 7'],
    ['+44 (0)20 7946 0958', 'US', 'GB', '2079460958', '', '(0)20 7946 0958'],
    ['+44 07911 123456', 'US', 'GB', '7911123456', '', '07911 123456'],
    ['(0044) 7911 123456', 'US', 'GB', '7911123456', '', '7911 123456'],
    ['07911 123456', 'GB', 'GB', '7911123456', '', '07911 123456'],
    ['812 123 45 67', 'RU', 'RU', '8121234567', '', '812 123 45 67'],
    ['8 (912) 345-67-89', 'RU', 'RU', '9123456789', '', '8 (912) 345-67-89'],
    ['011 15-2345-6789', 'AR', 'AR', '111523456789', '', '011 15-2345-6789'],
    ['(11) 6123-4567', 'BR', 'BR', '1161234567', '', '(11) 6123-4567'],
    ['+1 268 464 1234', 'US', 'AG', '2684641234', '', '268 464 1234'],
    ['+44 7624 123456', 'US', 'IM', '7624123456', '', '7624 123456'],
  ])(
    'reads %s (%s selected) as %s %s, extension "%s", shown as "%s"',
    (typed, selected, iso, national, extension, display) => {
      const reading = readPhone(typed, country(selected));
      expect(reading).toMatchObject({ national, extension, display });
      expect(reading?.country.iso).toBe(iso);
    },
  );

  it('never reads "0049 151 23456789" as +49 4915123456789', () => {
    const reading = readPhone('0049 151 23456789', country('DE'));
    expect(reading?.country.dialCode).toBe('+49');
    expect(reading?.national).toBe('15123456789');
  });

  it('reads 011 as a national number where it is one: Buenos Aires in Argentina', () => {
    expect(readPhone('011 4123-4567', country('AR'))).toMatchObject({
      international: false,
      national: '1141234567',
    });
  });

  it('leaves a national number as typed, and marks only numbers with a code international', () => {
    expect(readPhone(' 07911 123456 ', country('GB'))?.international).toBe(false);
    expect(readPhone('0044 7911 123456', country('GB'))?.international).toBe(true);
  });

  it('answers undefined for letters, an unknown code or no digits', () => {
    expect(readPhone('0800-FLOWERS', country('US'))).toBeUndefined();
    expect(readPhone('+999 123', country('US'))).toBeUndefined();
    expect(readPhone('+', country('US'))).toBeUndefined();
    expect(readPhone('ext. 12', country('US'))).toBeUndefined();
    expect(PHONE_TEXT.test('tel:+447911123456')).toBe(true);
    expect(PHONE_TEXT.test('call me')).toBe(false);
  });
});

describe('isPossiblePhone, the widget pre-check', () => {
  it.each([
    ['0044 7911 123456', 'US'],
    ['011 44 7911 123456', 'US'],
    ['011 15-2345-6789', 'AR'],
    ['tel:+447911123456', 'US'],
    ['+1 (202) 555-0123 ext. 12', 'US'],
    ['812 123 45 67', 'RU'],
    ['8 812 123 45 67', 'RU'],
    ['0049 151 23456789', 'DE'],
    ['98765 43210', 'IN'],
    ['268 464 1234', 'AG'],
  ])('lets %s through with %s selected', (typed, selected) => {
    expect(isPossiblePhone(typed, country(selected))).toBe(true);
  });

  it.each([
    ['7911 123', 'GB'],
    ['98765 4321', 'IN'],
    ['98765 432100', 'IN'],
    ['0044 7911 1234567', 'DE'],
    ['call me', 'GB'],
  ])('refuses %s with %s selected: no such length', (typed, selected) => {
    expect(isPossiblePhone(typed, country(selected))).toBe(false);
  });

  // The cheap rule checks lengths only; these are the relay's to refuse (test/relay/phone-check).
  it.each([
    ['07911 12345', 'GB'],
    ['(11) 6123-4567', 'BR'],
    ['050 123 456', 'AE'],
  ])(
    'lets the one-digit-short mobile %s (%s) through for the relay to judge',
    (typed, selected) => {
      expect(isPossiblePhone(typed, country(selected))).toBe(true);
    },
  );
});
