// The widget against a relay with RELAY_CHALLENGE=pow at the default cost, in real Chromium: the
// form solves the proof of work in slices while open, the submit waits for it, the lead reaches
// eleapi, and no long task falls in the solve.
import { describe, expect, it } from 'vitest';
import { newContext } from '../_util/browser.ts';
import { useBrowserStack } from '../_util/e2e-stack.ts';
import { widgetPage } from '../_util/test-pages.ts';

const suite = useBrowserStack({
  RELAY_CHALLENGE: 'pow',
  RELAY_CHALLENGE_SECRET: 'browser-widget-pow-secret-0123456789',
});

/** Installed before any page script: long tasks and the solve window, as the page saw them. */
function watchSolveWindow() {
  const seen = window as unknown as {
    longTasks: { start: number; end: number }[];
    solveStart?: number;
    solveEnd?: number;
  };
  seen.longTasks = [];
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) {
      seen.longTasks.push({ start: task.startTime, end: task.startTime + task.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
  // The solve runs from the challenge's arrival until the post it was waited for leaves.
  const pageFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = String(input);
    if (url.includes('/v1/leads')) seen.solveEnd ??= performance.now();
    const response = await pageFetch(input, init);
    if (url.includes('/v1/challenge')) seen.solveStart ??= performance.now();
    return response;
  };
}

describe('proof of work in the widget', () => {
  it('solves while the form is open, sends the lead with it, and makes no long task meanwhile', async () => {
    const { browser, stack } = suite;
    stack.pages.setPage('/', widgetPage({ relayUrl: stack.relay.url }));
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.addInitScript(watchSolveWindow);
    const chunk = page.waitForResponse((r) => /eleapi-leads\.form\.[\da-f]+\.js$/.test(r.url()));
    const challenges: number[] = [];
    page.on('response', (r) => r.url().includes('/v1/challenge') && challenges.push(r.status()));
    await page.goto(stack.pages.url);
    await chunk;
    // Filled ahead, so the send is pressed while the solve still runs and has to wait for it.
    await page.evaluate(() =>
      (window as unknown as { EleapiLeads: { prefill(f: object): void } }).EleapiLeads.prefill({
        name: 'Ada Pow',
        email: 'ada-pow@example.com',
      }),
    );
    await page.getByRole('button', { name: 'Contact us' }).click();
    await page.getByRole('button', { name: 'Send' }).click();

    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 30_000 })
      .toBe('Thanks! We will be in touch soon.');
    // The relay's 202 means stored; its delivery to eleapi follows on its own schedule.
    const upserts = () =>
      stack.sim.received().filter((u) => u.body.email === 'ada-pow@example.com');
    await expect.poll(() => upserts().length, { timeout: 15_000 }).toBe(1);
    expect(challenges).toEqual([200]);

    const { longTasks, solveStart, solveEnd } = await page.evaluate(() => {
      const seen = window as unknown as {
        longTasks: { start: number; end: number }[];
        solveStart: number;
        solveEnd: number;
      };
      return { longTasks: seen.longTasks, solveStart: seen.solveStart, solveEnd: seen.solveEnd };
    });
    const inSolve = longTasks.filter((task) => task.end > solveStart && task.start < solveEnd);
    console.log(
      `widget pow: solve window ${Math.round(solveEnd - solveStart)} ms, long tasks in it ${JSON.stringify(inSolve)}`,
    );
    expect(solveEnd).toBeGreaterThan(solveStart);
    expect(inSolve).toEqual([]);
    await context.close();
  });
});
