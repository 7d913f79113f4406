import { describe, expect, it } from 'vitest';
import { baseSheet } from '../../../src/widget/ui/styles.ts';

// WCAG 2.1 relative luminance and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio).
function luminance(hex: string): number {
  const full = hex.length === 4 ? hex.replace(/\w/g, (digit) => digit + digit) : hex;
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((at) => {
    const value = Number.parseInt(full.slice(at, at + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

function defaults(): Record<string, string> {
  const text = Array.from(baseSheet().cssRules, (rule) => rule.cssText).join('\n');
  return Object.fromEntries(
    Array.from(text.matchAll(/--eleapi-([\w-]+):\s*(#[0-9a-f]{3,6})/gi), (m) => [
      m[1] ?? '',
      m[2] ?? '',
    ]),
  );
}

describe('default colours', () => {
  it('are all defined as hex colours', () => {
    expect(Object.keys(defaults())).toEqual(
      expect.arrayContaining(['accent', 'on-accent', 'bg', 'fg', 'line', 'error']),
    );
  });

  it('meet WCAG AA for text (4.5:1) and for field borders (3:1)', () => {
    const c = defaults();
    const ratio = (a: string, b: string) => contrast(c[a] ?? '', c[b] ?? '');
    expect(ratio('on-accent', 'accent')).toBeGreaterThanOrEqual(4.5);
    expect(ratio('accent', 'bg')).toBeGreaterThanOrEqual(4.5);
    expect(ratio('fg', 'bg')).toBeGreaterThanOrEqual(4.5);
    expect(ratio('error', 'bg')).toBeGreaterThanOrEqual(4.5);
    expect(ratio('line', 'bg')).toBeGreaterThanOrEqual(3);
  });

  it('computes contrast the WCAG way', () => {
    expect(contrast('#000', '#fff')).toBeCloseTo(21);
    expect(contrast('#767676', '#fff')).toBeCloseTo(4.54, 2);
  });
});
