/** Runs `fn` after `ms`; returns what cancels it. A cancel function needs no timer-handle type. */
export type SetTimer = (fn: () => void, ms: number) => () => void;

export const windowTimer =
  (win: Pick<Window, 'setTimeout' | 'clearTimeout'>): SetTimer =>
  (fn, ms) => {
    const handle = win.setTimeout(fn, ms);
    return () => win.clearTimeout(handle);
  };
