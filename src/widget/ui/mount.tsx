// Puts the UI on the page: one <eleapi-lead-form> element whose open shadow root holds all of it.
import { render } from 'preact';
import type { FormController, WidgetSettings, WidgetView } from '../types.ts';
import { stringsFor } from './strings.ts';
import { baseSheet, siteSheet } from './styles.ts';
import { Widget } from './widget.tsx';

const TAG = 'eleapi-lead-form';

export interface MountOptions {
  /** The widget's own script tag: inline forms go right after it unless data-target says where. */
  script: HTMLScriptElement;
  controller: FormController;
}

/**
 * Renders the form and returns the handles the public API drives.
 *
 * @example
 * const view = mountWidget({ script, controller });
 * view.open();
 */
export function mountWidget({ script, controller }: MountOptions): WidgetView {
  const { settings } = controller;
  // Another copy of the widget on the page may have defined it already.
  if (!customElements.get(TAG)) customElements.define(TAG, class extends HTMLElement {});
  const host = document.createElement(TAG);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [baseSheet(), siteSheet(settings)];
  place(host, script, settings);

  const t = stringsFor(settings);
  let open = false;
  let live = true;
  const draw = () =>
    render(<Widget controller={controller} t={t} open={open} onOpen={setOpen} />, root);
  function setOpen(next: boolean) {
    if (!live || settings.mode === 'inline' || next === open) return;
    open = next;
    draw();
    controller.emit(next ? 'open' : 'close');
  }
  draw();

  return {
    open: () => setOpen(true),
    close: () => setOpen(false),
    destroy() {
      if (!live) return;
      live = false;
      render(null, root);
      host.remove();
    },
  };
}

function place(host: HTMLElement, script: HTMLScriptElement, settings: WidgetSettings): void {
  if (settings.mode === 'floating') {
    document.body.append(host);
    return;
  }
  const target = settings.target ? document.querySelector(settings.target) : null;
  if (settings.target && !target) {
    console.error(
      `eleapi-leads: data-target "${settings.target}" matches no element; the form goes after the script tag.`,
    );
  }
  if (target) target.append(host);
  else if (script.parentNode) script.after(host);
  else document.body.append(host);
}
