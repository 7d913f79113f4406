// Mounts the real UI into the happy-dom page and gives queries scoped to its shadow root.
import { act, type BoundFunctions, configure, type queries, within } from '@testing-library/preact';
import { afterEach } from 'vitest';
import type { WidgetSettings, WidgetView } from '../../../src/widget/types.ts';
import { type FakeController, fakeController } from './fake-controller.ts';
import { mountWidget, type PanelExtras } from './mount-widget.ts';

export interface Rendered {
  controller: FakeController;
  view: WidgetView;
  host: HTMLElement;
  root: ShadowRoot;
  ui: BoundFunctions<typeof queries>;
  script: HTMLScriptElement;
}

// The floating widget mounts under <html>, out of reach of the files' body.innerHTML = ''.
afterEach(() => {
  for (const host of document.querySelectorAll('eleapi-lead-form')) host.remove();
});

// A failed query would print the whole tree, ~245 <option>s included: the message is enough.
configure({ getElementError: (message) => new Error(message ?? 'element not found') });

/** `before` runs ahead of the mount, e.g. to prefill as a page may before the script loads. */
export function renderWidget(
  settings: Partial<WidgetSettings> = {},
  before?: (controller: FakeController) => void,
  extras: PanelExtras = {},
): Rendered {
  const script = document.createElement('script');
  document.body.append(script);
  const controller = fakeController(settings);
  before?.(controller);
  let view: WidgetView | undefined;
  act(() => {
    view = mountWidget({ script, controller, ...extras });
  });
  const host = document.querySelector('eleapi-lead-form') as HTMLElement;
  const root = host.shadowRoot as ShadowRoot;
  return {
    controller,
    view: view as WidgetView,
    host,
    root,
    // The root's one element child: testing-library prints elements, not shadow roots.
    ui: within(root.firstElementChild as HTMLElement),
    script,
  };
}
