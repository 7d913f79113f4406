// WCAG AA for every text/background pair of the default theme and of the dark theme exactly as
// README "Theme" documents it, so the docs cannot drift into a theme that fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formSheet } from '../../../src/widget/form/styles.ts';
import { contrastRatio, parseColor } from '../../../src/widget/loader/contrast.ts';
import { shellSheet as baseSheet } from '../../../src/widget/loader/shell-styles.ts';

const README = readFileSync(join(process.cwd(), 'README.md'), 'utf8');

function darkTheme(): Record<string, string> {
  const block = /<!-- dark-theme -->\s*```css\n([^`]*)```/.exec(README)?.[1] ?? '';
  return Object.fromEntries(
    Array.from(block.matchAll(/--eleapi-([\w-]+):\s*([^;]+);/g), (m) => [m[1] ?? '', m[2] ?? '']),
  );
}

// [text or border, background, minimum]: text 4.5:1, borders and focus rings 3:1 (WCAG 1.4.11).
const PAIRS = [
  ['fg', 'bg', 4.5],
  ['error', 'bg', 4.5],
  ['accent', 'bg', 4.5],
  ['on-accent', 'accent', 4.5],
  ['input-fg', 'input-bg', 4.5],
  ['input-line', 'input-bg', 3],
  ['input-line', 'bg', 3],
  ['error', 'input-bg', 3],
  ['line', 'bg', 3],
] as const;

// The theme is the loader's sheet; the fields that draw from it are the form chunk's.
const CSS = [baseSheet(), formSheet()]
  .flatMap((sheet) => Array.from(sheet.cssRules, (rule) => rule.cssText))
  .join('\n');
const DEFAULT_THEME: Record<string, string> = Object.fromEntries(
  Array.from(CSS.matchAll(/--eleapi-([\w-]+):\s*(#[\da-f]{3,6})\b/gi), (m) => [
    m[1] ?? '',
    m[2] ?? '',
  ]),
);

const themes: [string, Record<string, string>][] = [
  ['the default theme', DEFAULT_THEME],
  ['the README dark theme', { ...DEFAULT_THEME, ...darkTheme() }],
];

describe.each(themes)('%s', (_, theme) => {
  it.each(PAIRS)('%s on %s reaches %s:1', (front, back, minimum) => {
    const [a, b] = [parseColor(theme[front] ?? ''), parseColor(theme[back] ?? '')];
    expect(a && b && contrastRatio(a, b)).toBeGreaterThanOrEqual(minimum);
  });
});

describe('the theme', () => {
  it('documents a dark theme that sets every colour, inputs and error text included', () => {
    expect(Object.keys(darkTheme()).sort()).toEqual(
      [
        'accent',
        'bg',
        'error',
        'fg',
        'input-bg',
        'input-fg',
        'input-line',
        'line',
        'on-accent',
      ].sort(),
    );
  });

  it('declares every colour the README documents, and the fields draw from them', () => {
    expect(Object.keys(DEFAULT_THEME).sort()).toEqual(Object.keys(darkTheme()).sort());
    const css = CSS;
    expect(css).toMatch(/input, ?select, ?textarea \{[^}]*background: var\(--eleapi-input-bg\)/);
    expect(css).toMatch(/input, ?select, ?textarea \{[^}]*color: var\(--eleapi-input-fg\)/);
    expect(css).toMatch(/input, ?select, ?textarea \{[^}]*var\(--eleapi-input-line\)/);
  });
});
