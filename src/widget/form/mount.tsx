// Puts the UI on the page: one <eleapi-lead-form> element whose open shadow root holds all of it.
// Every .tsx imports preact's h for classic JSX (tsconfig.json): jsx-runtime costs ~75 B gzip.
import { h, render } from 'preact';
import type { FormController, WidgetSettings, WidgetView } from '../types.ts';
import { countryOptions } from './countries.ts';
import { placeAfterScript } from '../loader/inline-place.ts';
import { stringsFor } from './strings.ts';
import { baseSheet, siteSheet } from './styles.ts';
import { createViewState } from './view-state.ts';
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
  root.adoptedStyleSheets = [baseSheet(), siteSheet(settings, console.warn)];
  place(host, script, settings);

  const t = stringsFor(settings);
  // The same vnodes on every render, so typing does not re-diff ~245 options. An <option> holds
  // text only: a left-to-right mark keeps "+971" from reading "971+" in an Arabic line.
  const mark = settings.locale === 'ar' ? '\u200e' : '';
  const options = countryOptions(settings.locale).map(({ iso, name, dialCode }) => (
    <option value={iso}>{`${name} (${mark}${dialCode})`}</option>
  ));
  const { actions, dispose } = createViewState(controller, root, (state, act) =>
    render(<Widget settings={settings} t={t} options={options} state={state} act={act} />, root),
  );

  return {
    open: () => actions.setOpen(true),
    close: () => actions.setOpen(false),
    destroy() {
      dispose();
      render(null, root);
      host.remove();
    },
  };
}

function place(host: HTMLElement, script: HTMLScriptElement, settings: WidgetSettings): void {
  const target = settings.target && document.querySelector(settings.target);
  // Floating goes under <html>, after <body>: a transform, filter or contain on body would make
  // body the box that position:fixed is relative to, and the launcher would scroll away with it.
  if (settings.mode === 'floating') document.documentElement.append(host);
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
