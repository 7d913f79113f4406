import { describe, expect, it } from 'vitest';
import { LOCALE_CODES, resolveLocale } from '../../../src/widget/loader/locale-codes.ts';

describe('resolveLocale', () => {
  it('knows the seven built-in languages', () => {
    expect(LOCALE_CODES).toEqual(['en', 'es', 'fr', 'de', 'pt', 'hi', 'ar']);
  });

  it.each([
    ['en', 'en'],
    ['pt-BR', 'pt'],
    ['AR-eg', 'ar'],
    ['de_AT', 'de'],
    [' hi-IN ', 'hi'],
    ['zh-Hans-CN', undefined],
    ['english', undefined],
    ['', undefined],
  ])('maps %j to %j', (tag, code) => {
    expect(resolveLocale(tag)).toBe(code);
  });
});
