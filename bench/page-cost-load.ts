// One measured load of one variant in a fresh browser context (nothing cached), CPU throttled
// through CDP: the window runs from navigation to 1 s after the widget is drawn and the page's
// `load` has fired (so the idle prefetch of a form chunk falls inside it), then the first open.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, CDPSession } from 'playwright-core';
import type { Variant } from './page-cost-pages.ts';
import { ARM_FIRST_OPEN, INIT_PROBE, type PageReadings, READ_PAGE } from './page-cost-probe.ts';

export const WINDOW_AFTER_DRAWN_MS = 1000;
const WAIT_MS = 30_000;

export interface LoadReadings {
  scriptMs: number;
  tbtMs: number;
  fcpMs: number;
  cls: number;
  /** JS files whose response ended by the page's `load` event, and all of them after the open. */
  jsByLoad: string[];
  jsAll: string[];
  /** JS that arrived after `load` but inside the window: the idle prefetch, if any. */
  jsAfterLoad: string[];
  /** Floating only: click on the launcher → the task after the frame that shows a field. */
  firstOpenMs: number | undefined;
  errors: string[];
}

/** What "the widget is drawn" means per variant (deep selectors through shadow roots). */
const DRAWN: Record<Variant, string> = {
  baseline: '',
  floating: 'window.__pageCost.has(\'[part="launcher"]\')',
  inline: 'window.__pageCost.fieldShown()',
  'inline-sized': 'window.__pageCost.fieldShown()',
};

// CDP's cumulative JS execution time of the page's renderer, in seconds.
async function scriptSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'ScriptDuration')?.value ?? Number.NaN;
}

function jsPaths(readings: PageReadings, until: number): string[] {
  return readings.scripts.filter((s) => s.responseEnd <= until).map((s) => s.path);
}

/**
 * `hoverMs`: the pointer rests on the launcher that long before the click, as a mouse visitor's
 * does (the panel is drawn ahead on hover); without it the click follows the hover at once.
 */
export async function measureLoad(
  browser: Browser,
  url: string,
  variant: Variant,
  cpuRate: number,
  hoverMs = 0,
): Promise<LoadReadings> {
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.addInitScript(INIT_PROBE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });

    await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS });
    // Every variant waits for the messenger's element the same way, so the polling cancels.
    const wait = { polling: 'raf' as const, timeout: WAIT_MS };
    await page.waitForFunction("window.__pageCost.has('#eleapi-messenger-stand-in')", null, wait);
    if (DRAWN[variant]) await page.waitForFunction(DRAWN[variant], null, wait);
    await sleep(WINDOW_AFTER_DRAWN_MS);

    const scriptMs = (await scriptSeconds(cdp)) * 1000;
    const atWindowEnd = (await page.evaluate(READ_PAGE)) as PageReadings;
    const load = atWindowEnd.loadEventMs;

    let firstOpenMs: number | undefined;
    if (variant === 'floating') {
      await page.evaluate(ARM_FIRST_OPEN);
      const launcher = page.locator('[part="launcher"]');
      if (hoverMs) {
        await launcher.hover({ timeout: WAIT_MS });
        await sleep(hoverMs);
      }
      await launcher.click({ timeout: WAIT_MS });
      firstOpenMs = (await page.evaluate('window.__pageCost.firstOpen')) as number;
    }
    const afterOpen = (await page.evaluate(READ_PAGE)) as PageReadings;

    return {
      scriptMs,
      tbtMs: atWindowEnd.tbtMs,
      fcpMs: atWindowEnd.fcpMs,
      cls: atWindowEnd.cls,
      jsByLoad: jsPaths(atWindowEnd, load),
      jsAll: jsPaths(afterOpen, Number.POSITIVE_INFINITY),
      jsAfterLoad: atWindowEnd.scripts.filter((s) => s.responseEnd > load).map((s) => s.path),
      firstOpenMs,
      errors,
    };
  } finally {
    await context.close();
  }
}
