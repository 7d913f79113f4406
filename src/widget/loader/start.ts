// Wires the loader together: settings, session UUID, outbox, events, the global, the launcher,
// and the form chunk, fetched on idle or on intent (ARCHITECTURE.md "Loader and form chunk").
import type { FormChunk, Prover } from '../form-seam.ts';
import { safeStorage } from '../safe-storage.ts';
import type { WidgetView } from '../types.ts';
import { FORM_CHUNK_FILE } from './chunk-file.ts';
import { type LoadChunk, scriptChunk } from './chunk-loader.ts';
import { createController } from './controller.ts';
import { createEvents } from './events.ts';
import { createFormLoader } from './form-loader.ts';
import { launcherText } from './launcher-text.ts';
import { createOutbox } from './offline-queue.ts';
import { ownerBehaviour } from './owner-settings.ts';
import { proofHook } from './proof-hook.ts';
import {
  claimGlobal,
  installPublicApi,
  type PublicApi,
  removePublicApi,
  runCall,
} from './public-api.ts';
import { captureAttributes, parseSettings, type Report } from './settings.ts';
import { drawShell, type Shell, showFailure } from './shell.ts';
import { windowTimer } from './timer.ts';
import { createTransport } from './transport.ts';
import { VERSION } from './version.ts';
import { afterLoadIdle, afterPaint, hasPainted } from './when-idle.ts';

export interface StartEnv {
  window: Window & typeof globalThis;
  /** Fetches the form chunk; by default a <script> of FORM_CHUNK_FILE next to the loader. */
  loadChunk?: LoadChunk;
  fetch?: typeof fetch;
  random?: () => number;
  timeoutMs?: number;
  report?: Report;
  now?: () => number;
}

/**
 * Starts the widget for its script tag. Reads the attributes synchronously (currentScript is
 * only set while the script first runs), then draws the launcher once the document is parsed
 * and has painted once.
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
  const now = () => buildWidget(script, attrs, env, report);
  // Floating, the loader's work waits for the host's first paint, which it would otherwise delay
  // when it runs first (FCP, ARCHITECTURE.md "Page cost"); the launcher shows a frame later.
  // Inline draws at once: the sooner its space is reserved, the less the page can shift.
  const inline = attrs['data-mode']?.trim() === 'inline';
  const build = () => (inline || hasPainted(win) ? now() : afterPaint(win, now));
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
  const now = env.now ?? Date.now;
  const started = now();
  const session = safeStorage(() => win.sessionStorage);
  const local = safeStorage(() => win.localStorage);
  const behaviour = ownerBehaviour(attrs, {
    window: win,
    local,
    session,
    setTimer,
    now,
    report,
  });
  const events = createEvents(doc, report);
  const transport = createTransport({
    setTimer,
    fetch: env.fetch ?? ((input, init) => win.fetch(input, init)),
    online: () => win.navigator.onLine !== false,
    timeoutMs: env.timeoutMs,
  });
  const outbox = createOutbox({
    setTimer,
    storage: local,
    post: transport.post,
    random: env.random ?? Math.random,
    events: win,
    // The chunk carries the solver: a resend that needs a proof fetches it (proof-hook.ts).
    prove: proofHook(
      () => prover,
      async () => {
        arrive(await wantChunk());
        if (!prover) throw new Error('the form did not load');
        return prover;
      },
      Date.now,
    ),
  });
  const controller = createController({
    settings,
    events,
    outbox,
    report,
    accepted(own) {
      behaviour.accepted(own);
      // Only a send of this page navigates; the chunk, which made it, holds data-success-url.
      if (own) view?.sent?.();
    },
  });

  const { title, failed } = launcherText(settings.locale, settings.title);
  let shell: Shell;
  try {
    shell = drawShell(script, settings, title);
  } catch (error) {
    report(`the form could not be shown: ${error}`);
    outbox.dispose();
    return;
  }
  const { launcher } = shell;
  const wantChunk = createFormLoader(
    // From the loader's own folder; an inline copy (no src) looks next to the page.
    env.loadChunk ?? scriptChunk(doc, new URL(FORM_CHUNK_FILE, script.src || doc.baseURI).href),
  );
  // Removes every listener the loader added, at destroy().
  const listening = new AbortController();
  const on = (target: EventTarget, type: string, listener: () => void) =>
    target.addEventListener(type, listener, { signal: listening.signal, passive: true });

  let chunk: FormChunk | undefined;
  let prover: Prover | undefined;
  let view: WidgetView | undefined;
  let destroyed = false;
  // What the page asked for before the chunk arrived, applied in order once it has.
  let wantOpen = false;

  let isOpen = false;
  const prefills: unknown[] = [];

  const arrive = (arrived: FormChunk) => {
    if (destroyed || chunk) return;
    chunk = arrived;
    prover = arrived.prover(settings);
    if (launcher) launcher.textContent = title;
    // Inline, a failure line from an earlier attempt may hold the slot.
    shell.slot.replaceChildren();
    controller.prefill(arrived.prefillFromUrl(win.location.search, attrs, report));
    for (const fields of prefills.splice(0))
      controller.prefill(arrived.parsePrefill(fields, report));
    try {
      view = arrived.mount({
        core: controller,
        attrs,
        root: shell.root,
        slot: shell.slot,
        title,
        report,
        remembered: behaviour.remembered(),
        forget: behaviour.forget,
        autoOpen: { session, isOpen: () => isOpen || wantOpen, sinceStart: () => now() - started },
      });
    } catch (error) {
      report(`the form could not be shown: ${error}`);
      return;
    }
    if (wantOpen) view.open();
  };
  // Inline, the form is drawn in the task after the one that ran the chunk: two shorter tasks at
  // 4x CPU instead of one long one (total blocking time, ARCHITECTURE.md "Page cost").
  let cancelArrive = () => {};
  const arriveInline = (arrived: FormChunk) => {
    cancelArrive = setTimer(() => arrive(arrived), 0);
  };
  const fetchForm = () => {
    if (destroyed || chunk) return;
    wantChunk().then(launcher ? arrive : arriveInline, (error: Error) => {
      if (destroyed) return;
      report(`${error.message}: the widget says so, and tries again on the next click.`);
      // Said where the visitor looks: in the reserved box inline, on the launcher once clicked.
      if (!launcher) showFailure(shell, failed, fetchForm);
      else if (wantOpen) launcher.textContent = failed;
    });
  };
  const openForm = () => {
    wantOpen = true;
    if (view) view.open();
    else fetchForm();
  };

  if (launcher) {
    // Intent: fetch the chunk, or, once it is here, draw the closed panel before the click.
    const intent = () => (view ? view.prepare() : fetchForm());
    for (const type of ['pointerenter', 'focus', 'touchstart']) on(launcher, type, intent);
    on(launcher, 'click', () => (view && isOpen ? view.close() : openForm()));
    behaviour.fetchByDelay(fetchForm);
  }
  // The proof of work is solved while the visitor types: from first open or first focus.
  on(shell.slot, 'focusin', () => prover?.prepare());
  events.on('open', () => {
    prover?.prepare();
    isOpen = true;
    launcher?.setAttribute('aria-expanded', 'true');
  });
  events.on('close', () => {
    behaviour.closed();
    isOpen = false;
    wantOpen = false;
    launcher?.setAttribute('aria-expanded', 'false');
  });
  const cancelIdle =
    settings.mode === 'inline' ? afterPaint(win, fetchForm) : afterLoadIdle(win, fetchForm);

  const api: PublicApi = {
    version: VERSION,
    open: openForm,
    close() {
      wantOpen = false;
      view?.close();
    },
    prefill(fields) {
      if (chunk) controller.prefill(chunk.parsePrefill(fields, report));
      else {
        prefills.push(fields);
        fetchForm();
      }
    },
    on: events.on,
    off: events.off,
    push: (call) => runCall(api, call, report),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      // Outbox first: requests the transport aborts then stay stored, with no timer set.
      outbox.dispose();
      transport.dispose();
      cancelIdle();
      cancelArrive();
      behaviour.dispose();
      listening.abort();
      view?.destroy();
      shell.host.remove();
      events.clear();
      removePublicApi(win, api);
    },
  };
  installPublicApi(win, api, report);
  events.emit('ready');
  // Submissions a previous page could not deliver: resent by the loader, chunk or not.
  void outbox.flush();
}
