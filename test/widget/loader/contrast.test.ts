import { describe, expect, it } from 'vitest';
import { contrastRatio, parseColor, textOn } from '../../../src/widget/loader/contrast.ts';

const ratio = (a: string, b: string) => {
  const [x, y] = [parseColor(a), parseColor(b)];
  if (!x || !y) throw new Error(`unreadable colour ${a} or ${b}`);
  return contrastRatio(x, y);
};

describe('contrastRatio (WCAG 2.x)', () => {
  it('spans 1 to 21 and matches known values', () => {
    expect(ratio('#000', '#fff')).toBeCloseTo(21);
    expect(ratio('#fff', '#fff')).toBeCloseTo(1);
    expect(ratio('#767676', '#fff')).toBeCloseTo(4.54, 2);
    // The white-on-yellow.
    expect(ratio('#ffcc00', '#fff')).toBeCloseTo(1.5, 1);
  });
});

describe('parseColor', () => {
  // Hex as sites write it, rgb()/rgba() as browsers serialize every other colour.
  it.each([
    ['#fc0', [255, 204, 0, 1]],
    ['#FFCC00', [255, 204, 0, 1]],
    ['rgb(255, 204, 0)', [255, 204, 0, 1]],
    ['rgba(0, 0, 0, 0.5)', [0, 0, 0, 0.5]],
    ['rgb(12.5, 0, 255)', [12.5, 0, 255, 1]],
  ])('reads %s', (text, expected) => {
    expect(parseColor(text)).toEqual(expected);
  });

  it.each(['red', '#ffcc0', 'rgb(1, 2)', 'hsl(48, 100%, 50%)', ''])('refuses %j', (text) => {
    expect(parseColor(text)).toBeUndefined();
  });
});

describe('textOn', () => {
  it.each([
    ['rgb(255, 204, 0)', '#000'],
    ['rgb(31, 95, 204)', '#fff'],
    ['rgb(0, 170, 119)', '#000'],
    ['rgb(26, 26, 26)', '#fff'],
  ])('picks text that passes AA on %s: %s', (background, text) => {
    expect(textOn(background)).toBe(text);
    expect(ratio(text, background)).toBeGreaterThanOrEqual(4.5);
  });

  it('picks the better of black and white on every opaque colour, and it passes AA', () => {
    for (let red = 0; red <= 255; red += 17) {
      for (let green = 0; green <= 255; green += 17) {
        for (let blue = 0; blue <= 255; blue += 51) {
          const background = `rgb(${red}, ${green}, ${blue})`;
          const text = textOn(background) ?? '';
          const other = text === '#000' ? '#fff' : '#000';
          expect(ratio(text, background), background).toBeGreaterThanOrEqual(4.5);
          expect(ratio(text, background)).toBeGreaterThanOrEqual(ratio(other, background));
        }
      }
    }
  });

  it('promises none on a translucent colour, whose look depends on the page behind', () => {
    expect(textOn('rgba(0, 0, 0, 0.5)')).toBeUndefined();
    expect(textOn('rgba(255, 204, 0, 0.99)')).toBeUndefined();
  });

  it('promises none on a colour it cannot read: it reads what the browser serializes, rgb()', () => {
    expect(textOn('hsl(48, 100%, 50%)')).toBeUndefined();
    expect(textOn('#ffcc00')).toBeUndefined();
  });
});
