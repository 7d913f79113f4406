import { describe, expect, it } from 'vitest';
import { likelyRegion } from '../../../src/widget/form/likely-region.ts';

describe("the visitor's likely country, when the tag names none", () => {
  it('takes the region of the first language that has one', () => {
    expect(likelyRegion(['de', 'en-GB'])).toBe('DE');
    expect(likelyRegion(['x-bad-tag', 'fr-CA'])).toBe('CA');
    expect(likelyRegion(['pt_BR'])).toBe('BR');
  });

  it('falls back to US when the browser languages say nothing useful', () => {
    expect(likelyRegion([])).toBe('US');
    expect(likelyRegion(['zz'])).toBe('US');
  });
});
