// The widget's own element, drawn by the loader with plain DOM: <eleapi-lead-form> with an open
// shadow root, the .root box, the slot the form chunk renders the panel into and, floating, the
// launcher. Inline, the box reserves the form's height until the chunk draws it.
import type { LoaderSettings } from '../types.ts';
import { placeAfterScript } from './inline-place.ts';
import { reservedEm } from './reserve.ts';
import { shellSheet, siteSheet } from './shell-styles.ts';

const TAG = 'eleapi-lead-form';

export interface Shell {
  host: HTMLElement;
  root: ShadowRoot;
  slot: HTMLElement;
  /** Floating mode only. */
  launcher: HTMLButtonElement | undefined;
}

/**
 * Inline, when the chunk did not load: the reserved box says so, in place of the form, with the
 * launcher's failure text on a button that tries again (there is no launcher to retry from).
 */
export function showFailure(shell: Shell, text: string, retry: () => void): void {
  const doc = shell.host.ownerDocument;
  const line = doc.createElement('p');
  line.className = 'failed';
  line.setAttribute('role', 'alert');
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'launcher';
  button.textContent = text;
  button.addEventListener('click', retry, { once: true });
  line.append(button);
  shell.slot.replaceChildren(line);
}

export function drawShell(
  script: HTMLScriptElement,
  settings: LoaderSettings,
  label: string,
): Shell {
  const doc = script.ownerDocument;
  // Another copy of the widget on the page may have defined it already.
  if (!customElements.get(TAG)) customElements.define(TAG, class extends HTMLElement {});
  const host = doc.createElement(TAG);
  const root = host.attachShadow({ mode: 'open' });
  const floating = settings.mode === 'floating';
  root.adoptedStyleSheets = [
    shellSheet(),
    siteSheet(settings, console.warn, floating ? 0 : reservedEm(settings)),
  ];
  const box = doc.createElement('div');
  box.className = floating
    ? `root floating${settings.position === 'bottom-left' ? ' left' : ''}`
    : 'root';
  box.dir = settings.locale === 'ar' ? 'rtl' : 'ltr';
  box.lang = settings.locale;
  const slot = doc.createElement('div');
  box.append(slot);
  let launcher: HTMLButtonElement | undefined;
  if (floating) {
    launcher = doc.createElement('button');
    launcher.type = 'button';
    launcher.className = 'launcher';
    launcher.setAttribute('part', 'launcher');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-controls', 'panel');
    launcher.textContent = label;
    box.append(launcher);
  }
  root.append(box);
  place(host, script, settings);
  return { host, root, slot, launcher };
}

function place(host: HTMLElement, script: HTMLScriptElement, settings: LoaderSettings): void {
  const doc = script.ownerDocument;
  const target = settings.target && doc.querySelector(settings.target);
  // Floating goes under <html>, after <body>: a transform, filter or contain on body would make
  // body the box that position:fixed is relative to, and the launcher would scroll away with it.
  if (settings.mode === 'floating') doc.documentElement.append(host);
  else if (target) target.append(host);
  else {
    if (settings.target) {
      console.error(
        `eleapi-leads: data-target "${settings.target}" matches no element; the form goes after the script tag.`,
      );
    }
    placeAfterScript(host, script);
  }
}
