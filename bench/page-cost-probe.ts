// What the page-cost bench runs inside the page. Plain-JS strings, not functions: tsx's
// keepNames would put a `__name` helper into serialized functions, which the page lacks.
// Every variant, the no-widget baseline included, runs the same probe, so its cost cancels.

/** Installed with addInitScript: observers from the document's start, and the finders. */
export const INIT_PROBE = `(() => {
  const probe = { longTasks: [], shifts: [] };
  Object.defineProperty(window, '__pageCost', { value: probe });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) probe.shifts.push([e.startTime, e.value]);
  }).observe({ type: 'layout-shift', buffered: true });
  // Looks through open shadow roots, where the widget and the messenger draw.
  const deepAll = (root, selector, found) => {
    for (const el of root.querySelectorAll(selector)) found.push(el);
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) deepAll(el.shadowRoot, selector, found);
    return found;
  };
  probe.has = (selector) => deepAll(document, selector, []).length > 0;
  // A form field the visitor can see: not the honeypot (aria-hidden), not in a hidden panel.
  probe.fieldShown = () =>
    deepAll(document, 'input, select, textarea', []).some(
      (el) => !el.closest('[aria-hidden="true"]') && el.checkVisibility({ visibilityProperty: true }),
    );
})();`;

/**
 * After the next click: ms from the click event to the task after the frame showing a field, as
 * the promise `window.__pageCost.firstOpen`. The bench awaits that promise in one evaluation: a
 * polling wait would run in the page's frames while they are being measured.
 */
export const ARM_FIRST_OPEN = `(() => {
  const probe = window.__pageCost;
  let opened;
  probe.firstOpen = new Promise((resolve, reject) => {
    opened = resolve;
    setTimeout(() => reject(new Error('first open: no form field shown within 30 s')), 30000);
  });
  addEventListener('click', (event) => {
    const clicked = event.timeStamp;
    const tick = () => {
      if (!probe.fieldShown()) return requestAnimationFrame(tick);
      // A message posted from rAF runs after that frame is painted.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => opened(performance.now() - clicked);
      channel.port2.postMessage(0);
    };
    requestAnimationFrame(tick);
  }, { capture: true, once: true });
})();`;

export interface PageReadings {
  tbtMs: number;
  /** Largest session window (gaps under 1 s, at most 5 s), as web-vitals computes CLS. */
  cls: number;
  fcpMs: number;
  loadEventMs: number;
  /** Every .js path fetched so far, with when its response ended. */
  scripts: { path: string; responseEnd: number }[];
}

/** Evaluated at the end of the window; answers PageReadings. */
export const READ_PAGE = `(() => {
  const probe = window.__pageCost;
  const tbtMs = probe.longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0);
  let cls = 0, session = 0, first = -Infinity, last = -Infinity;
  for (const [at, value] of probe.shifts) {
    if (at - last > 1000 || at - first > 5000) { session = 0; first = at; }
    session += value; last = at; cls = Math.max(cls, session);
  }
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const nav = performance.getEntriesByType('navigation')[0];
  const scripts = performance.getEntriesByType('resource')
    .map((e) => ({ path: new URL(e.name).pathname, responseEnd: e.responseEnd }))
    .filter((e) => e.path.endsWith('.js'));
  return { tbtMs, cls, fcpMs: fcp ? fcp.startTime : NaN, loadEventMs: nav.loadEventStart, scripts };
})()`;
