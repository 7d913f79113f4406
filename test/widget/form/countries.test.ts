import { describe, expect, it } from 'vitest';
import { COUNTRIES } from '../../../src/shared/dial-codes.ts';
import { countryOptions, flagOf } from '../../../src/widget/form/countries.ts';

describe('countryOptions', () => {
  it('lists every country of the dial table once', () => {
    const isos = countryOptions('en').map((option) => option.iso);
    expect(new Set(isos).size).toBe(COUNTRIES.length);
  });

  it('names countries in the UI language and sorts by that name', () => {
    const de = countryOptions('de');
    expect(de.find((o) => o.iso === 'DE')?.name).toBe('Deutschland');
    const names = de.map((o) => o.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('de').compare));
    // Collation, not code units: "Österreich" sorts among the O's, not after "Z".
    expect(names.indexOf('Österreich')).toBeLessThan(names.indexOf('Polen'));
  });

  it('keeps each country’s dial code', () => {
    expect(countryOptions('en').find((o) => o.iso === 'AG')).toMatchObject({
      dialCode: '+1',
      name: 'Antigua & Barbuda',
    });
  });
});

describe('flagOf', () => {
  it('spells the code in regional indicator symbols', () => {
    expect(flagOf('GB')).toBe('🇬🇧');
    expect(flagOf('IN')).toBe('🇮🇳');
  });
});
