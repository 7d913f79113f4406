// The panel's CSS, a constructable stylesheet the form chunk adds to the loader's shadow root (the
// reset, the launcher and the accent, on-accent and font defaults are the loader's:
// src/widget/loader/shell-styles.ts; the panel's own theme defaults are here, README "Theme").
// Inputs never go below 16 px (iOS zooms on smaller). Inline, the panel's [hidden] is the UA's
// display:none; floating, a closed panel drawn ahead (on hover, issue 10) stays laid out but
// invisible, so opening it is a repaint, not a first style and layout. Class names stay readable:
// shortening them saved 29 B gzip, not worth a step.
const CSS = `:host{--eleapi-bg:#fff;--eleapi-fg:#1f1f1f;--eleapi-line:#767676;--eleapi-error:#b3261e;--eleapi-input-bg:#fff;--eleapi-input-fg:#1f1f1f;--eleapi-input-line:#767676;--eleapi-radius:8px;--eleapi-gap:.875em}
.root{color:var(--eleapi-fg)}
button{border-radius:var(--eleapi-radius)}
.panel{position:relative;background:var(--eleapi-bg);border:1px solid var(--eleapi-line);border-radius:var(--eleapi-radius);padding:1em}
.floating .panel{position:absolute;bottom:calc(100% + .75em);right:0;width:min(22.5em,calc(100vw - 40px - var(--eleapi-x)));max-height:calc(100vh - 56px - var(--eleapi-y) - 3em);overflow:auto;box-shadow:0 8px 28px #0004}
.floating .panel[hidden]{display:block;visibility:hidden}
.floating .panel:not([hidden]){animation:rise .2s}
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
[type=submit]{background:var(--eleapi-accent);color:var(--eleapi-on-accent);font-weight:600;padding:.625em 1.125em}
:disabled,[aria-disabled=true]{opacity:.75;cursor:wait}
.close{font-size:1.5em;line-height:1;min-width:1.84em;min-height:1.84em}
.honeypot{position:absolute;inset-inline-start:-9999px;width:1px;overflow:hidden}
[role=status]:not(:empty){margin-top:.625em}
@media (pointer:coarse){input,select{min-height:44px}.close{min-width:44px;min-height:44px}.check label{min-height:44px;display:flex;align-items:center}}`;

let sheet: CSSStyleSheet | undefined;

/** The panel's sheet, built once per page. */
export function formSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}
