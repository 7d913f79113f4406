// data-open's rules in the form chunk's "open" piece (pieces/open.ts), fetched only when the tag
// has data-open: the parse with its report, and the scheduler that opens the panel by itself.
import {
  AUTO_OPEN_KEY,
  OPEN_RULE_ALLOWED,
  type OpenRule,
  openRuleOf,
  type SessionFlag,
} from './open-rules.ts';

/** The rule of the captured attributes; a bad value gets one error and means `manual`. */
export function parseOpenRule(
  attrs: Record<string, string>,
  report: (message: string) => void,
): OpenRule {
  const raw = attrs['data-open']?.trim();
  if (raw === undefined) return { kind: 'manual' };
  const rule = openRuleOf(raw);
  if (!rule) {
    report(
      `data-open="${raw.slice(0, 80)}" is invalid: expected ${OPEN_RULE_ALLOWED}. Using the default (manual).`,
    );
  }
  return rule ?? { kind: 'manual' };
}

export interface OpenSchedulerDeps {
  window: Pick<Window, 'addEventListener' | 'removeEventListener' | 'matchMedia'> & {
    readonly scrollY: number;
    readonly innerHeight: number;
  };
  document: Pick<
    Document,
    'addEventListener' | 'removeEventListener' | 'activeElement' | 'visibilityState'
  > & { readonly documentElement: { readonly scrollHeight: number } };
  /** Runs `fn` after `ms`; returns what cancels it (timer.ts `SetTimer`). */
  setTimer(fn: () => void, ms: number): () => void;
  /** The widget's sessionStorage (SafeStorage): the once-per-session flag. */
  session: SessionFlag;
  /** Ms since the loader started, when armed later (in the chunk): the delay counts from there. */
  sinceStart?: number;
  /** Opens the panel; `moveFocus` is true only if the page had nothing focused. */
  open(options: { moveFocus: boolean }): void;
  /** The panel is open already (the visitor opened it): the rule gives up. */
  isOpen(): boolean;
}

// A dialog of the page that holds focus: the visitor is busy there (cookie banner, checkout).
const PAGE_DIALOG = 'dialog[open], [role="dialog"], [role="alertdialog"], [aria-modal="true"]';
// Focus leaving a dialog that is removed fires no event, so a due open checks again this often.
const RECHECK_MS = 1000;

/**
 * Arms the rule. Call on close and send: `suppressAutoOpen`, then the returned dispose, which
 * removes every listener and timer (as `destroy()` must). Remembered visitors: do not call it.
 */
export function scheduleAutoOpen(rule: OpenRule, deps: OpenSchedulerDeps): () => void {
  const { window: win, document: doc } = deps;
  const cleanups: (() => void)[] = [];
  const dispose = () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  };
  const listen = (
    target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
    type: string,
    fn: (event: Event) => void,
  ) => {
    target.addEventListener(type, fn, { passive: true });
    cleanups.push(() => target.removeEventListener(type, fn));
  };
  const later = (fn: () => void, ms: number) => cleanups.push(deps.setTimer(fn, ms));

  const busy = () =>
    doc.visibilityState === 'hidden' || !!doc.activeElement?.closest?.(PAGE_DIALOG);

  /** Opens unless something forbids it; `retry`: when the page is busy, try again soon. */
  const fire = (retry: boolean) => {
    if (deps.session.get(AUTO_OPEN_KEY) || deps.isOpen()) return dispose();
    if (busy()) {
      if (retry) later(() => fire(true), RECHECK_MS);
      return;
    }
    dispose();
    const focused = doc.activeElement;
    deps.session.set(AUTO_OPEN_KEY, 'opened');
    deps.open({
      moveFocus: !focused || focused.localName === 'body' || focused.localName === 'html',
    });
  };

  // Delay and scroll, once reached, stay due until the page is free (each scroll would
  // otherwise add a recheck).
  let due = false;
  const becomeDue = () => {
    if (due) return;
    due = true;
    fire(true);
  };

  if (rule.kind === 'manual' || deps.session.get(AUTO_OPEN_KEY)) return dispose;
  if (rule.kind === 'delay') later(becomeDue, rule.seconds * 1000 - (deps.sinceStart ?? 0));
  if (rule.kind === 'scroll') {
    const check = () => {
      const scrollable = doc.documentElement.scrollHeight - win.innerHeight;
      if (scrollable > 0 && (win.scrollY / scrollable) * 100 >= rule.percent) becomeDue();
    };
    listen(win, 'scroll', check);
    // A page restored at its old scroll position (back button) counts at once.
    check();
  }
  // Exit intent: the pointer leaves the page through its top edge, towards tabs and the address
  // bar. Touch screens have no such gesture, so the rule never fires there.
  if (rule.kind === 'exit' && win.matchMedia('(pointer: fine)').matches) {
    listen(doc, 'mouseout', (event) => {
      const { relatedTarget, clientY } = event as MouseEvent;
      if (!relatedTarget && clientY <= 0) fire(false);
    });
  }
  return dispose;
}
