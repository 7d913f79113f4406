// The widget's CSS as constructable stylesheets: a strict CSP (style-src 'self') forbids <style>
// and style attributes, but not sheets built in script and adopted by the shadow root.
import type { WidgetSettings } from '../types.ts';
import { textOn } from './contrast.ts';

// The default theme: the custom properties a site may override on the element (README "Theme").
// Every text/background pair passes WCAG AA (test/widget/form/theme-contrast.test.ts reads them).
// ".root" re-roots inheritance: page rules reach the host element, never the nodes inside it, so
// only UA defaults need a reset below it. The panel's [hidden] works by the UA rule: no author
// rule sets its display. Sizes are em of `medium`, the visitor's own default font size (a page's
// html{font-size:62.5%} cannot shrink it); inputs never go below 16 px (iOS zooms on smaller).
// Class names stay readable: shortening them saved 29 B gzip (20,096 → 20,067), not worth a
// build step. The floating corner is 20 px plus data-offset (--eleapi-x, --eleapi-y).
const CSS = `:host{all:initial;display:block;--eleapi-accent:#1f5fcc;--eleapi-on-accent:#fff;--eleapi-bg:#fff;--eleapi-fg:#1f1f1f;--eleapi-line:#767676;--eleapi-error:#b3261e;--eleapi-input-bg:#fff;--eleapi-input-fg:#1f1f1f;--eleapi-input-line:#767676;--eleapi-radius:8px;--eleapi-gap:.875em;--eleapi-font:system-ui,sans-serif}
.root{all:initial;display:block;font:medium/1.4 var(--eleapi-font);color:var(--eleapi-fg)}
:where(.root *){box-sizing:border-box;margin:0;padding:0;font:inherit;color:inherit;background:none;border:0}
.floating{position:fixed;bottom:calc(20px + var(--eleapi-y));right:calc(20px + var(--eleapi-x));z-index:var(--eleapi-z)}
.left{right:auto;left:calc(20px + var(--eleapi-x))}
.panel{position:relative;background:var(--eleapi-bg);border:1px solid var(--eleapi-line);border-radius:var(--eleapi-radius);padding:1em}
.floating .panel{position:absolute;bottom:calc(100% + .75em);right:0;width:min(22.5em,calc(100vw - 40px - var(--eleapi-x)));max-height:calc(100vh - 56px - var(--eleapi-y) - 3em);overflow:auto;box-shadow:0 8px 28px #0004;animation:rise .2s}
.left .panel{right:auto;left:0}
@keyframes rise{from{opacity:0;transform:translateY(8px)}}
.head{display:flex;justify-content:space-between;align-items:center;margin-bottom:.75em}
h2{font-size:1.125em;font-weight:700}
form{display:grid;gap:var(--eleapi-gap)}
label{display:block;font-weight:600;margin-bottom:.25em}
label span,.error{color:var(--eleapi-error)}
input,select,textarea{display:block;width:100%;min-height:2.75em;padding:.5em .625em;font-size:max(1em,16px);background:var(--eleapi-input-bg);color:var(--eleapi-input-fg);border:1px solid var(--eleapi-input-line);border-radius:4px}
[aria-invalid]{border:2px solid var(--eleapi-error)}
.error{font-size:.875em;margin-top:.25em}
.tel{display:flex;align-items:center;gap:.5em;white-space:nowrap}
.check{display:grid;grid-template-columns:auto 1fr;gap:0 .625em}
.check input{order:-1;width:1.25em;height:1.25em;min-height:0;accent-color:var(--eleapi-accent)}
.check label{font-weight:400}
.check .error{grid-column:span 2}
a{color:var(--eleapi-accent)}
button{min-height:2.75em;cursor:pointer;border-radius:var(--eleapi-radius);transition:filter .2s}
[type=submit],.launcher{background:var(--eleapi-accent);color:var(--eleapi-on-accent);font-weight:600;padding:.625em 1.125em}
.launcher{border-radius:99px;box-shadow:0 4px 14px #0003}
button:hover{filter:brightness(.9)}
:disabled,[aria-disabled=true]{opacity:.75;cursor:wait}
.close{font-size:1.5em;line-height:1;min-width:1.84em;min-height:1.84em}
:focus-visible{outline:3px solid var(--eleapi-accent);outline-offset:2px}
.honeypot{position:absolute;inset-inline-start:-9999px;width:1px;overflow:hidden}
[role=status]:not(:empty){margin-top:.625em}
@media (pointer:coarse){button,input,select{min-height:44px}.close{min-width:44px;min-height:44px}.check label{min-height:44px;display:flex;align-items:center}}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}`;

let base: CSSStyleSheet | undefined;

/** The shared sheet, built once per page for every widget. */
export function baseSheet(): CSSStyleSheet {
  if (!base) {
    base = new CSSStyleSheet();
    base.replaceSync(CSS);
  }
  return base;
}

// The browser's own reading of a CSS colour: hsl(), names and the like come back as rgb().
function asRgb(color: string): string {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`a{color:${color}}`);
  return (sheet.cssRules[0] as CSSStyleRule).style.color;
}

/** The site's look from its data-* settings (already validated as plain colour and integers). */
export function siteSheet(
  settings: Pick<WidgetSettings, 'accentColor' | 'zIndex' | 'offset'>,
  warn: (message: string) => void,
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
    `:host{${accent}--eleapi-z:${settings.zIndex};--eleapi-x:${offset[0]}px;--eleapi-y:${offset[1]}px}`,
  );
  return sheet;
}
