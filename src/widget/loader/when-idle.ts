// When the loader works unasked: floating, it draws after the host's first paint and fetches the
// form chunk in an idle moment after the page's `load` (it is not needed until the visitor shows
// intent); inline, it fetches the chunk right after first paint. Each returns its cancel.

type Win = Window & typeof globalThis;

/** Runs `run` on idle after `load` (at most `timeoutMs` later), or after 200 ms without rIC. */
export function afterLoadIdle(win: Win, run: () => void, timeoutMs = 3_000): () => void {
  let cancel = () => {};
  const idle = () => {
    if (win.requestIdleCallback) {
      const handle = win.requestIdleCallback(run, { timeout: timeoutMs });
      cancel = () => win.cancelIdleCallback(handle);
    } else {
      const handle = win.setTimeout(run, 200);
      cancel = () => win.clearTimeout(handle);
    }
  };
  if (win.document.readyState === 'complete') idle();
  else {
    win.addEventListener('load', idle, { once: true });
    cancel = () => win.removeEventListener('load', idle);
  }
  return () => cancel();
}

/**
 * Runs `run` once, in the task after the next frame (the page has painted by then), or after
 * `fallbackMs` if no frame comes first: a hidden tab draws none.
 */
export function afterPaint(win: Win, run: () => void, fallbackMs = 1_000): () => void {
  let timer: number | undefined;
  const cancel = () => {
    win.cancelAnimationFrame(frame);
    win.clearTimeout(timer);
    win.clearTimeout(fallback);
  };
  const once = () => {
    cancel();
    run();
  };
  const frame = win.requestAnimationFrame(() => {
    timer = win.setTimeout(once, 0);
  });
  const fallback = win.setTimeout(once, fallbackMs);
  return cancel;
}

/**
 * Whether the page has painted yet. Without paint timing (an old browser, a test DOM) it counts
 * as painted: nothing is held back where the loader cannot tell.
 */
export const hasPainted = (win: Win) =>
  !('PerformancePaintTiming' in win) || win.performance.getEntriesByType('paint').length > 0;
