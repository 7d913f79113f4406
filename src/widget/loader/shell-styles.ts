// The widget's host CSS as constructable stylesheets: a strict CSP (style-src 'self') forbids
// <style> and style attributes, but not sheets built in script and adopted by the shadow root.
// The loader's part: the theme, the reset, the floating corner and the launcher; the form chunk
// adds the panel's sheet (src/widget/form/styles.ts) when it arrives.
import type { LoaderSettings } from '../types.ts';
import { textOn } from './contrast.ts';

// The theme's defaults the launcher draws from (README "Theme"; a site may override each on the
// element); the panel's own colours, corners and gap are defaulted in the chunk's sheet
// (src/widget/form/styles.ts). Every text/background pair passes WCAG AA
// (test/widget/loader/theme-contrast.test.ts reads both sheets). ".root" re-roots inheritance: page
// rules reach the host element, never the nodes inside it, so only UA defaults need a reset below
// it. Sizes are em of `medium`, the visitor's own default font size (a page's html{font-size:62.5%}
// cannot shrink it). The floating corner is 20 px plus data-offset (--eleapi-x, --eleapi-y).
const CSS = `:host{all:initial;display:block;--eleapi-accent:#1f5fcc;--eleapi-on-accent:#fff;--eleapi-font:system-ui,sans-serif}
.root{all:initial;display:block;font:medium/1.4 var(--eleapi-font)}
:where(.root *){box-sizing:border-box;margin:0;padding:0;font:inherit;color:inherit;background:none;border:0}
.floating{position:fixed;bottom:calc(20px + var(--eleapi-y));right:calc(20px + var(--eleapi-x));z-index:var(--eleapi-z)}
.left{right:auto;left:calc(20px + var(--eleapi-x))}
button{min-height:2.75em;cursor:pointer;transition:filter .2s}
.failed{padding:1em}
.launcher{background:var(--eleapi-accent);color:var(--eleapi-on-accent);font-weight:600;padding:.625em 1.125em;border-radius:99px;box-shadow:0 4px 14px #0003}
button:hover{filter:brightness(.9)}
:focus-visible{outline:3px solid var(--eleapi-accent);outline-offset:2px}
@media (pointer:coarse){button{min-height:44px}}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}`;

let shell: CSSStyleSheet | undefined;

/** The shared sheet, built once per page for every widget. */
export function shellSheet(): CSSStyleSheet {
  if (!shell) {
    shell = new CSSStyleSheet();
    shell.replaceSync(CSS);
  }
  return shell;
}

// The browser's own reading of a CSS colour: hsl(), names and the like come back as rgb().
function asRgb(color: string): string {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`a{color:${color}}`);
  return (sheet.cssRules[0] as CSSStyleRule).style.color;
}

/**
 * The site's look from its data-* settings (already validated as plain colour and integers), and
 * the inline form's reserved height (`reserveEm`), so the page does not shift when it renders.
 */
export function siteSheet(
  settings: Pick<LoaderSettings, 'accentColor' | 'zIndex' | 'offset'>,
  warn: (message: string) => void,
  reserveEm = 0,
): CSSStyleSheet {
  const { accentColor, offset } = settings;
  let accent = '';
  if (accentColor) {
    // The owner picks the colour; the text on it is ours to make readable.
    const text = textOn(asRgb(accentColor));
    if (!text) {
      warn(
        `eleapi-leads: data-accent-color="${accentColor}": no black or white text on it passes WCAG AA; set --eleapi-on-accent.`,
      );
    }
    accent = `--eleapi-accent:${accentColor};--eleapi-on-accent:${text ?? '#fff'};`;
  }
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    `:host{${accent}--eleapi-z:${settings.zIndex};--eleapi-x:${offset[0]}px;--eleapi-y:${offset[1]}px}${reserveEm ? `.root{min-height:${reserveEm}em}` : ''}`,
  );
  return sheet;
}
