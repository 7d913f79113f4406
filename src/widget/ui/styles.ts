// The widget's CSS as constructable stylesheets: a strict CSP (style-src 'self') forbids <style>
// and style attributes, but not sheets built in script and adopted by the shadow root.
import type { WidgetSettings } from '../types.ts';

// Defaults pass WCAG AA on white: accent #1f5fcc is 5.9:1 under white text, error #b3261e 6.5:1,
// lines #767676 4.5:1. The page overrides any --eleapi-* on the element, and ::part() hooks.
// ".r" re-roots inheritance: page rules reach the host element, never the nodes inside it, so
// only UA defaults need a reset below it. The panel's [hidden] works by the UA rule: no author
// rule sets its display.
const CSS = `:host{all:initial;display:block;--eleapi-accent:#1f5fcc;--eleapi-on-accent:#fff;--eleapi-bg:#fff;--eleapi-fg:#1f1f1f;--eleapi-line:#767676;--eleapi-error:#b3261e;--eleapi-radius:8px;--eleapi-gap:14px;--eleapi-font:system-ui,sans-serif}
.r{all:initial;display:block;font:16px/1.4 var(--eleapi-font);color:var(--eleapi-fg)}
:where(.r *){box-sizing:border-box;margin:0;padding:0;font:inherit;color:inherit;background:none;border:0}
.f{position:fixed;bottom:20px;right:20px;z-index:var(--eleapi-z)}
.lt{right:auto;left:20px}
.p{position:relative;background:var(--eleapi-bg);border:1px solid #ccc;border-radius:var(--eleapi-radius);padding:16px}
.f .p{position:absolute;bottom:calc(100% + 12px);right:0;width:min(360px,calc(100vw - 40px));max-height:calc(100vh - 110px);overflow:auto;box-shadow:0 8px 28px #0004;animation:i .2s}
.lt .p{right:auto;left:0}
@keyframes i{from{opacity:0;transform:translateY(8px)}}
.h{display:flex;justify-content:space-between;align-items:center;margin-bottom:12px}
h2{font-size:18px;font-weight:700}
form{display:grid;gap:var(--eleapi-gap)}
label{display:block;font-weight:600;margin-bottom:4px}
label span,.e{color:var(--eleapi-error)}
input,select,textarea{display:block;width:100%;padding:8px 10px;background:#fff;color:#1f1f1f;border:1px solid var(--eleapi-line);border-radius:4px}
[aria-invalid]{border:2px solid var(--eleapi-error)}
.e{font-size:14px;margin-top:4px}
.tel{display:flex;align-items:center;gap:8px;white-space:nowrap}
.ck{display:grid;grid-template-columns:auto 1fr;gap:0 10px}
.ck input{order:-1;width:20px;height:20px;accent-color:var(--eleapi-accent)}
.ck label{font-weight:400}
.ck .e{grid-column:span 2}
a{color:var(--eleapi-accent)}
button{cursor:pointer;border-radius:var(--eleapi-radius);transition:filter .2s}
[type=submit],.l{background:var(--eleapi-accent);color:var(--eleapi-on-accent);font-weight:600;padding:10px 18px}
.l{border-radius:99px;box-shadow:0 4px 14px #0003}
button:hover{filter:brightness(.9)}
:disabled,[aria-disabled=true]{opacity:.75;cursor:wait}
.x{font-size:24px;line-height:1;padding:0 8px}
:focus-visible{outline:3px solid var(--eleapi-accent);outline-offset:2px}
.hp{position:absolute;inset-inline-start:-9999px;width:1px;overflow:hidden}
[role=status]:not(:empty){margin-top:10px}
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

/** The site's look from its data-* settings (already validated as plain colour and integer). */
export function siteSheet(settings: Pick<WidgetSettings, 'accentColor' | 'zIndex'>): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  const accent = settings.accentColor ? `--eleapi-accent:${settings.accentColor};` : '';
  sheet.replaceSync(`:host{${accent}--eleapi-z:${settings.zIndex}}`);
  return sheet;
}
