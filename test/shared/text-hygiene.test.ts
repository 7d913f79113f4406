import { describe, expect, it } from 'vitest';
import { cleanText, toOneLine, WELL_FORMED } from '../../src/shared/text-hygiene.ts';
import { EMOJI_NAME, NAMES_BY_LOCALE, PERSIAN_NAME } from '../fixtures/names-by-locale.ts';

describe('cleanText', () => {
  it.each([...Object.entries(NAMES_BY_LOCALE), ['fa', PERSIAN_NAME], ['emoji', EMOJI_NAME]])(
    'keeps a %s name exactly as written, joiners included',
    (_locale, name) => {
      expect(cleanText(name)).toBe(name);
    },
  );

  it('composes combining accents (NFC)', () => {
    expect(cleanText('Jose\u0301 Fran\u0063\u0327ois Zoe\u0308')).toBe('José François Zoë');
  });

  it('composes an accent that an invisible character kept apart', () => {
    expect(cleanText('Jose\u200B\u0301')).toBe('José');
  });

  it('removes bidi embeddings, overrides and isolates', () => {
    expect(cleanText('Bob \u202Egnp.exe')).toBe('Bob gnp.exe');
    const bidi = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(cleanText(`a${bidi}b`)).toBe('ab');
  });

  it('removes zero-width space, word joiner and BOM', () => {
    expect(cleanText('\uFEFFAna\u200B Lima\u2060')).toBe('Ana Lima');
  });

  it('removes control characters (ESC, NUL, DEL, C1) and keeps tab and newline', () => {
    expect(cleanText('a\u001b[31mb\u0000c\u007fd\u0085e')).toBe('a[31mbcde');
    expect(cleanText('line 1\n\tline 2')).toBe('line 1\n\tline 2');
  });

  it('turns CRLF and a lone CR into a newline', () => {
    expect(cleanText('a\r\nb\rc')).toBe('a\nb\nc');
  });
});

describe('toOneLine', () => {
  it('turns tabs and newlines into spaces', () => expect(toOneLine('a\tb\nc')).toBe('a b c'));
});

describe('WELL_FORMED', () => {
  it('refuses half of a surrogate pair, high or low, anywhere', () => {
    expect(WELL_FORMED.test('Ana \uD83D')).toBe(false);
    expect(WELL_FORMED.test('\uDC69 Ana')).toBe(false);
  });
  it('accepts whole pairs: emoji and other astral characters', () => {
    expect(WELL_FORMED.test(EMOJI_NAME)).toBe(true);
    expect(WELL_FORMED.test('𝒜𠀋')).toBe(true);
  });
});
