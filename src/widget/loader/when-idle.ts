// When the loader fetches the form chunk unasked: floating, in an idle moment after the page's
// `load` (it is not needed until the visitor shows intent); inline, right after first paint.
// Each returns its cancel, for destroy().

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

/** Runs `run` in the task after the next frame: the page has painted once by then. */
export function afterPaint(win: Win, run: () => void): () => void {
  let timer: number | undefined;
  const frame = win.requestAnimationFrame(() => {
    timer = win.setTimeout(run, 0);
  });
  return () => {
    win.cancelAnimationFrame(frame);
    win.clearTimeout(timer);
  };
}
