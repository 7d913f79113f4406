/**
 * What `run` returns, or `fallback` when it throws. Storage, JSON, URL, selectors and Intl all
 * throw on input the page controls; the widget then carries on with the fallback.
 */
export const fallbackOnThrow = <T>(run: () => T, fallback: T): T => {
  try {
    return run();
  } catch {
    return fallback;
  }
};
