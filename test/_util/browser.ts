// Real Chromium for the browser suite (Debian's, or CHROME_PATH on a laptop), plus the probes
// the tests share: CSP violations, console errors, axe-core, and every response the page got.
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** A fresh context per test; English and a US region unless the test says otherwise. */
export function newContext(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<BrowserContext> {
  return browser.newContext({ locale: 'en-US', ...options });
}

export interface PageProbe {
  /** `securitypolicyviolation` events and CSP console messages seen so far. */
  cspViolations: string[];
  consoleErrors: string[];
}

/** Records CSP violations (DOM event + console) and console errors from the page's start. */
export async function probe(page: Page): Promise<PageProbe> {
  const found: PageProbe = { cspViolations: [], consoleErrors: [] };
  await page.exposeFunction('__reportCsp', (text: string) => found.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp;
      report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (/Content[- ]Security[- ]Policy/i.test(text)) found.cspViolations.push(text);
    else found.consoleErrors.push(text);
  });
  return found;
}

export interface SeenResponse {
  url: string;
  status: number;
  headers: string;
  body: string;
}

export interface ResponseLog {
  /** Every response so far, once its headers and body have been read. */
  settled(): Promise<SeenResponse[]>;
}

/** Keeps every response the page receives (headers and body) to search them for secrets. */
export function recordResponses(page: Page): ResponseLog {
  const reads: Promise<SeenResponse>[] = [];
  page.on('response', (response) => {
    reads.push(
      (async () => ({
        url: response.url(),
        status: response.status(),
        headers: JSON.stringify(await response.allHeaders()),
        // Redirects and preflights have no body to read.
        body: await response.text().catch(() => ''),
      }))(),
    );
  });
  return { settled: () => Promise.all(reads) };
}

const requireFromHere = createRequire(import.meta.url);
const AXE_SOURCE: string = (requireFromHere('axe-core') as { source: string }).source;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core on the page (including open shadow roots); answers serious/critical issues. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: unknown[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => JSON.stringify(n.target)),
      }));
  });
}

export interface Focused {
  tag: string;
  name: string | null;
  part: string | null;
  text: string;
}

/** The element that has focus, looking through open shadow roots. */
export function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body) return null;
    return {
      tag: active.tagName.toLowerCase(),
      name: active.getAttribute('name'),
      part: active.getAttribute('part'),
      text: (active.textContent ?? '').trim(),
    };
  });
}

/** Presses Tab until `wanted` holds for the focused element (at most `max` times). */
export async function tabTo(
  page: Page,
  wanted: (element: Focused) => boolean,
  max = 20,
): Promise<Focused[]> {
  const visited: Focused[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const element = await focused(page);
    if (element) visited.push(element);
    if (element && wanted(element)) return visited;
  }
  throw new Error(`Tab never reached the element; visited ${JSON.stringify(visited)}`);
}
