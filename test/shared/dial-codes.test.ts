import { describe, expect, it } from 'vitest';
import {
  COUNTRIES,
  countriesByDialCode,
  countryByIso,
  internationalPrefix,
  isKnownDialCode,
  nationalNumber,
  phoneDigits,
} from '../../src/shared/dial-codes.ts';

describe('dial-code table', () => {
  it('holds every country once, sorted by ISO code, each with a "+" dial code and lengths', () => {
    const isos = COUNTRIES.map((c) => c.iso);
    expect(isos.length).toBeGreaterThan(200);
    expect(new Set(isos).size).toBe(isos.length);
    expect([...isos].sort()).toEqual(isos);
    for (const c of COUNTRIES) {
      expect(c.iso).toMatch(/^[A-Z]{2}$/);
      expect(c.dialCode).toMatch(/^\+\d{1,3}$/);
      expect(c.lengths.length).toBeGreaterThan(0);
      for (const n of c.lengths) expect(Number.isInteger(n) && n > 0).toBe(true);
    }
  });

  it('looks countries up by ISO code in any case', () => {
    expect(countryByIso('gb')).toMatchObject({ iso: 'GB', dialCode: '+44', trunkPrefix: '0' });
    expect(countryByIso('IN')).toMatchObject({ dialCode: '+91', lengths: [10] });
    expect(countryByIso('XX')).toBeUndefined();
  });

  it("lists a shared code's main country first", () => {
    expect(countriesByDialCode('+1')[0]?.iso).toBe('US');
    expect(countriesByDialCode('+44')[0]?.iso).toBe('GB');
    expect(countriesByDialCode('+7')[0]?.iso).toBe('RU');
    expect(countriesByDialCode('+1').map((c) => c.iso)).toEqual(
      expect.arrayContaining(['CA', 'AG']),
    );
  });

  it('knows dial codes only with their "+"', () => {
    expect(isKnownDialCode('+44')).toBe(true);
    expect(isKnownDialCode('44')).toBe(false);
    expect(isKnownDialCode('+999')).toBe(false);
  });
});

describe('international prefixes', () => {
  it('knows the prefix dialled out of North America and Russia, and "00" elsewhere', () => {
    expect(internationalPrefix('+1')).toBe('011');
    expect(internationalPrefix('+7')).toBe('810');
    expect(internationalPrefix('+61')).toBe('0011');
    expect(internationalPrefix('+44')).toBe('00');
    expect(internationalPrefix('+54')).toBe('00');
  });
});

describe('national numbers', () => {
  it('keeps digits only', () => {
    expect(phoneDigits('(020) 7946-0958 ext.')).toBe('02079460958');
  });

  it('strips the trunk prefix', () => {
    expect(nationalNumber('07911 123456', '0')).toBe('7911123456');
    expect(nationalNumber('8 (912) 345-67-89', '8')).toBe('9123456789');
    expect(nationalNumber('98765 43210', '')).toBe('9876543210');
  });

  it('keeps a leading trunk digit that is part of the number when lengths say so', () => {
    // St Petersburg numbers start with 812; without the trunk 8 they are whole already.
    expect(nationalNumber('812 123 45 67', '8', [10])).toBe('8121234567');
    expect(nationalNumber('8 812 123 45 67', '8', [10])).toBe('8121234567');
  });
});
