// WCAG 2.x contrast (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). The loader's pick reads
// rgb()/rgba() numbers only: what browsers serialize any CSS colour to (shell-styles.ts lets the
// browser turn the site's hex or hsl() into rgb(), so no colour parser ships in the loader); the
// hex reader is for the theme's defaults in the tests (theme-contrast.test.ts).

/** Red, green, blue (0–255) and alpha (0–1). */
export type Rgba = [red: number, green: number, blue: number, alpha: number];

/** The colour as RGBA, or undefined for other syntax. */
export function parseColor(text: string): Rgba | undefined {
  const hex = /^#([\da-f]{3}){1,2}$/i.test(text) && text.slice(1);
  if (!hex) return parseRgb(text);
  const full = hex.length === 3 ? hex.replace(/./g, '$&$&') : hex;
  return [0, 2, 4].map((at) => Number.parseInt(full.slice(at, at + 2), 16)).concat(1) as Rgba;
}

/** rgb()/rgba() as browsers serialize every colour, or undefined. */
function parseRgb(text: string): Rgba | undefined {
  const numbers = /^rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)$/.exec(text);
  return numbers
    ? [+(numbers[1] ?? 0), +(numbers[2] ?? 0), +(numbers[3] ?? 0), +(numbers[4] ?? 1)]
    : undefined;
}

/** Relative luminance of an opaque colour. */
export function luminance([red, green, blue]: Rgba): number {
  const [r = 0, g = 0, b = 0] = [red, green, blue].map((value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of two opaque colours, 1 to 21. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Black or white text, whichever contrasts more with `background` (as the browser serializes it:
 * `rgb()` or `rgba()`): black above luminance 0.1791, where (L + 0.05) / 0.05 = 1.05 / (L + 0.05).
 * On an opaque colour the winner always reaches 4.58:1, above AA's 4.5:1. Undefined for a
 * translucent or unreadable colour: what shows through it is not known, so no text colour can be
 * promised to pass.
 *
 * @example
 * textOn('rgb(255, 204, 0)') // '#000'
 */
export function textOn(background: string): '#000' | '#fff' | undefined {
  const color = parseRgb(background);
  if (!color || color[3] < 1) return undefined;
  return luminance(color) > 0.1791 ? '#000' : '#fff';
}
