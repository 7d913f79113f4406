// The loader's shell plus the form chunk's panel over a FormController double: what the page
// shows once the chunk arrived, without the chunk loading (test/widget/loader/start.test.ts
// covers that). The launcher toggles the panel as the loader's click handler does. The locale's
// table is handed over at once, as if its file had arrived (test/browser covers the fetch).
import * as locales from '../../../src/widget/form/locales/index.ts';
import { mountPanel } from '../../../src/widget/form/mount.tsx';
import { launcherText } from '../../../src/widget/loader/launcher-text.ts';
import { drawShell } from '../../../src/widget/loader/shell.ts';
import type { FormController, WidgetView } from '../../../src/widget/types.ts';

/** What the loader hands the panel besides the core: the owner's questions, the remembered send,
 * the locale's texts (a table, or a promise of one as while its file loads). */
export type PanelExtras = Pick<
  Parameters<typeof mountPanel>[0],
  'questions' | 'remembered' | 'forget' | 'texts'
>;

/** A built-in locale's table (strings.ts), English for another. */
export const tableFor = (locale: string): string =>
  (locales as Record<string, string>)[locale] ?? locales.en;

export function mountWidget({
  script,
  controller,
  ...extras
}: {
  script: HTMLScriptElement;
  controller: FormController;
} & PanelExtras): WidgetView {
  const { settings } = controller;
  const { title } = launcherText(settings.locale, settings.title);
  const shell = drawShell(script, settings, title);
  let open = false;
  const tracked: FormController = {
    ...controller,
    emit(name, detail) {
      if (name === 'open' || name === 'close') {
        open = name === 'open';
        shell.launcher?.setAttribute('aria-expanded', String(open));
      }
      controller.emit(name, detail);
    },
  };
  const view = mountPanel({
    controller: tracked,
    root: shell.root,
    slot: shell.slot,
    title,
    report: (message) => console.error(`eleapi-leads: ${message}`),
    texts: tableFor(settings.locale),
    ...extras,
  });
  shell.launcher?.addEventListener('click', () => (open ? view.close() : view.open()));
  return {
    ...view,
    destroy() {
      view.destroy();
      shell.host.remove();
    },
  };
}
