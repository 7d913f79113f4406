// WCAG 2.x contrast (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio) for the colours a site may
// pass in data-accent-color: #rgb, #rrggbb, rgb()/rgba() and hsl()/hsla(), commas or spaces.

/** Red, green, blue (0–255) and alpha (0–1). */
export type Rgba = [red: number, green: number, blue: number, alpha: number];

/** WCAG AA for normal text. */
export const AA_TEXT = 4.5;

// One number of a colour function: "50%" of `full`, or the plain number (hue: degrees).
const amount = (raw: string, full: number) =>
  raw.endsWith('%') ? (Number.parseFloat(raw) / 100) * full : Number.parseFloat(raw);

/** The colour as RGBA, or undefined for syntax this file does not read. */
export function parseColor(text: string): Rgba | undefined {
  const hex = /^#([\da-f]{3}|[\da-f]{6})$/i.exec(text)?.[1];
  if (hex) {
    const full = hex.length === 3 ? hex.replace(/./g, (digit) => digit + digit) : hex;
    return [0, 2, 4].map((at) => Number.parseInt(full.slice(at, at + 2), 16)).concat(1) as Rgba;
  }
  const call = /^(rgb|hsl)a?\(([^)]*)\)$/i.exec(text.trim());
  const parts = call?.[2]?.trim().split(/[\s,/]+/) ?? [];
  if (!call || parts.length < 3 || parts.length > 4) return undefined;
  const [first = '', second = '', third = '', alphaText = '1'] = parts;
  const alpha = Math.min(1, Math.max(0, amount(alphaText, 1)));
  if (call[1]?.toLowerCase() === 'rgb') {
    const rgb = [first, second, third].map((part) => Math.min(255, Math.max(0, amount(part, 255))));
    return [...rgb, alpha].some(Number.isNaN) ? undefined : ([...rgb, alpha] as Rgba);
  }
  const hue = ((Number.parseFloat(first) % 360) + 360) % 360;
  const saturation = amount(second, 1);
  const lightness = amount(third, 1);
  if ([hue, saturation, lightness, alpha].some(Number.isNaN)) return undefined;
  // CSS Color 4's hslToRgb.
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const a = saturation * Math.min(lightness, 1 - lightness);
    return 255 * (lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1)));
  };
  return [channel(0), channel(8), channel(4), alpha];
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

// A translucent colour over `backdrop`, as the screen shows it.
const over = ([r, g, b, a]: Rgba, backdrop: Rgba): Rgba => [
  r * a + backdrop[0] * (1 - a),
  g * a + backdrop[1] * (1 - a),
  b * a + backdrop[2] * (1 - a),
  1,
];

const BLACK: Rgba = [0, 0, 0, 1];
const WHITE: Rgba = [255, 255, 255, 1];

/**
 * Black or white, whichever reads on `background` at AA (4.5:1), the better one when both do;
 * undefined when neither does. A translucent colour must pass over both a black and a white
 * page, since what shows through is not known. Opaque colours always have one (≥ 4.58:1).
 *
 * @example
 * textOn('#ffcc00') // '#000'
 */
export function textOn(background: string): '#000' | '#fff' | undefined {
  const color = parseColor(background);
  if (!color) return undefined;
  const worst = (text: Rgba) =>
    Math.min(contrastRatio(text, over(color, BLACK)), contrastRatio(text, over(color, WHITE)));
  const onBlack = worst(BLACK);
  const onWhite = worst(WHITE);
  if (Math.max(onBlack, onWhite) < AA_TEXT) return undefined;
  return onBlack >= onWhite ? '#000' : '#fff';
}
