import { describe, expect, it } from 'vitest';
import { contrastRatio, parseColor, textOn } from '../../../src/widget/ui/contrast.ts';

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
    expect(ratio('#ffcc00', '#fff')).toBeCloseTo(1.5, 1);
  });
});

describe('parseColor', () => {
  it.each([
    ['#fc0', [255, 204, 0, 1]],
    ['#FFCC00', [255, 204, 0, 1]],
    ['rgb(255, 204, 0)', [255, 204, 0, 1]],
    ['rgb(255 204 0 / 50%)', [255, 204, 0, 0.5]],
    ['rgba(100%,80%,0%,.25)', [255, 204, 0, 0.25]],
    ['hsl(48, 100%, 50%)', [255, 204, 0, 1]],
    ['hsl(48deg 100% 50%)', [255, 204, 0, 1]],
    ['hsla(-312, 100%, 50%, 1)', [255, 204, 0, 1]],
  ])('reads %s', (text, expected) => {
    const parsed = parseColor(text);
    expect(parsed?.map((value) => Math.round(value * 100) / 100)).toEqual(expected);
  });

  it.each(['red', '#ffcc0', 'rgb(1,2)', 'rgb(a,b,c)', ''])('refuses %j', (text) => {
    expect(parseColor(text)).toBeUndefined();
  });
});

describe('textOn', () => {
  it.each([
    ['#ffcc00', '#000'],
    ['#1f5fcc', '#fff'],
    ['#0a7', '#000'],
    ['hsl(0, 0%, 10%)', '#fff'],
    ['rgb(255 255 255 / 90%)', '#000'],
  ])('picks readable text on %s: %s', (background, text) => {
    expect(textOn(background)).toBe(text);
    const on = parseColor(background);
    if (on?.[3] === 1) expect(ratio(text, background)).toBeGreaterThanOrEqual(4.5);
  });

  it('finds none on a half-transparent black, whose look depends on the page behind', () => {
    expect(textOn('rgba(0, 0, 0, 0.5)')).toBeUndefined();
  });

  it('has an answer for every opaque grey (black or white always reaches 4.58:1)', () => {
    for (let level = 0; level <= 255; level += 5) {
      expect(textOn(`rgb(${level}, ${level}, ${level})`)).toBeDefined();
    }
  });
});
