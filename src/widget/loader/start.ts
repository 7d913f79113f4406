// Wires the widget together: settings, session UUID, outbox, controller, UI and the global.
import { createController } from './controller.ts';
import { createEvents } from './events.ts';
import { createOutbox } from './offline-queue.ts';
import { pageContext } from './page-context.ts';
import { parsePrefill } from '../form/prefill.ts';
import {
  claimGlobal,
  installPublicApi,
  type PublicApi,
  removePublicApi,
  runCall,
} from './public-api.ts';
import { safeStorage } from './safe-storage.ts';
import { randomUuid, sessionUuidSource } from './session-uuid.ts';
import { captureAttributes, parseSettings, type Report } from './settings.ts';
import { windowTimer } from './timer.ts';
import { createTransport } from './transport.ts';
import type { FormController, WidgetView } from '../types.ts';
import { VERSION } from './version.ts';

export type Mount = (options: {
  script: HTMLScriptElement;
  controller: FormController;
}) => WidgetView;

export interface StartEnv {
  window: Window & typeof globalThis;
  mount: Mount;
  fetch?: typeof fetch;
  random?: () => number;
  timeoutMs?: number;
  report?: Report;
}

/**
 * Starts the widget for its script tag. Reads the attributes synchronously (currentScript is
 * only set while the script first runs), then builds the form once the document is parsed.
 */
export function startWidget(script: HTMLOrSVGScriptElement | null, env: StartEnv): void {
  const win = env.window;
  const report = env.report ?? ((message) => win.console.error(`eleapi-leads: ${message}`));
  if (!(script instanceof win.HTMLScriptElement)) {
    report('its <script> tag is unknown: load it with a classic <script src>.');
    return;
  }
  if (!claimGlobal(win, report)) return;
  const attrs = captureAttributes(script);
  const build = () => buildWidget(script, attrs, env, report);
  // Without `defer`, the messenger tag or data-target may come later in the page.
  if (win.document.readyState === 'loading') {
    win.document.addEventListener('DOMContentLoaded', build, { once: true });
  } else build();
}

function buildWidget(
  script: HTMLScriptElement,
  attrs: Record<string, string>,
  env: StartEnv,
  report: Report,
) {
  const win = env.window;
  const doc = win.document;
  const settings = parseSettings(attrs, { document: doc, navigator: win.navigator, report });
  if (!settings || !claimGlobal(win, report)) return;
  const setTimer = windowTimer(win);
  const events = createEvents(doc, report);
  const transport = createTransport({
    setTimer,
    fetch: env.fetch ?? ((input, init) => win.fetch(input, init)),
    online: () => win.navigator.onLine !== false,
    ...(env.timeoutMs && { timeoutMs: env.timeoutMs }),
  });
  const outbox = createOutbox({
    setTimer,
    storage: safeStorage(() => win.localStorage),
    post: transport.post,
    random: env.random ?? Math.random,
    events: win,
  });
  const controller = createController({
    settings,
    events,
    outbox,
    report,
    uuid: sessionUuidSource(
      {
        session: safeStorage(() => win.sessionStorage),
        local: safeStorage(() => win.localStorage),
      },
      settings.uuidKey,
      () => randomUuid(win.crypto),
    ),
    context: () => pageContext(win.location, doc.referrer, settings.locale),
  });

  let view: WidgetView;
  try {
    view = env.mount({ script, controller });
  } catch (error) {
    report(`the form could not be shown: ${error}`);
    outbox.dispose();
    return;
  }

  let destroyed = false;
  const api: PublicApi = {
    version: VERSION,
    open: () => view.open(),
    close: () => view.close(),
    prefill: (fields) => controller.prefill(parsePrefill(fields, report)),
    on: events.on,
    off: events.off,
    push: (call) => runCall(api, call, report),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      // Outbox first: requests the transport aborts then stay stored, with no timer set.
      outbox.dispose();
      transport.dispose();
      view.destroy();
      events.clear();
      removePublicApi(win, api);
    },
  };
  installPublicApi(win, api, report);
  events.emit('ready');
  // Submissions a previous page could not deliver.
  void outbox.flush();
}
