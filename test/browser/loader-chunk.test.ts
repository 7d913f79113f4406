// The loader and its form chunk in real Chromium (issue 10): the chunk is fetched on idle after
// `load` without drawing the panel, at once on intent, the panel drawn on first open; a blocked
// chunk is said on the launcher while the outbox still resends; calls made before the chunk
// arrives are applied; inline forms take reserved space without shifting the page; the relay
// serves both files with their cache headers. All under `script-src 'self'; style-src 'self'`.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext, probe } from '../_util/browser.ts';
import { useBrowserStack } from '../_util/e2e-stack.ts';
import { strictCsp, widgetPage } from '../_util/test-pages.ts';

const suite = useBrowserStack();
const CHUNK = /\/eleapi-leads\.form\.[\da-f]+\.js$/;

function strictPage(path: string, options: Partial<Parameters<typeof widgetPage>[0]> = {}) {
  const { stack } = suite;
  const csp = strictCsp(stack.relay.url);
  stack.pages.setPage(path, {
    body: widgetPage({ relayUrl: stack.relay.url, ...options }),
    headers: { 'content-security-policy': csp },
  });
  return `${stack.pages.url}${path}`;
}

async function openPage(url: string, prepare?: (page: Page) => Promise<void>) {
  const context = await newContext(suite.browser);
  const page = await context.newPage();
  const seen = await probe(page);
  const chunkRequests: string[] = [];
  page.on('request', (request) => {
    if (CHUNK.test(new URL(request.url()).pathname)) chunkRequests.push(request.url());
  });
  await prepare?.(page);
  await page.goto(url);
  return { page, seen, chunkRequests, close: () => context.close() };
}

const panelDrawn = (page: Page) =>
  page.evaluate(
    () => !!document.querySelector('eleapi-lead-form')?.shadowRoot?.querySelector('#panel'),
  );

describe('floating, under a strict CSP', () => {
  it('fetches the form chunk on idle after load, without drawing the panel', async () => {
    const { page, seen, chunkRequests, close } = await openPage(strictPage('/idle'));
    await page.getByRole('button', { name: 'Contact us' }).waitFor();
    await expect.poll(() => chunkRequests.length).toBe(1);
    // The chunk ran (its script element is gone) and still nothing was drawn.
    await expect
      .poll(() => page.evaluate(() => document.querySelectorAll('script[src*=".form."]').length))
      .toBe(0);
    expect(await panelDrawn(page)).toBe(false);
    await page.getByRole('button', { name: 'Contact us' }).click();
    await expect
      .poll(() => page.getByRole('dialog', { name: 'Contact us' }).isVisible())
      .toBe(true);
    expect(await page.getByLabel('Name').isVisible()).toBe(true);
    expect(chunkRequests).toHaveLength(1);
    expect(seen.cspViolations).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    await close();
  });

  it('draws the launcher only after a frame, and without frames (a hidden tab) after 1 s', async () => {
    const { page, close } = await openPage(strictPage('/after-paint'), async (p) => {
      // A page that has not painted and draws no frame: the loader must wait for its fallback.
      await p.addInitScript(() => {
        const entries = performance.getEntriesByType.bind(performance);
        performance.getEntriesByType = (type) => (type === 'paint' ? [] : entries(type));
        window.requestAnimationFrame = () => 0;
        const seen = window as { parsedAt?: number; drawnAt?: number };
        document.addEventListener('DOMContentLoaded', () => {
          seen.parsedAt = performance.now();
        });
        new MutationObserver((_, observer) => {
          if (!document.querySelector('eleapi-lead-form')) return;
          seen.drawnAt = performance.now();
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
      });
    });
    const drawn = () => page.evaluate(() => (window as { drawnAt?: number }).drawnAt);
    await expect.poll(drawn, { timeout: 5_000 }).toBeGreaterThan(0);
    const waited = await page.evaluate(() => {
      const seen = window as { parsedAt?: number; drawnAt?: number };
      return (seen.drawnAt ?? 0) - (seen.parsedAt ?? 0);
    });
    expect(waited).toBeGreaterThan(900);
    await close();
  });

  it('fetches the chunk at once on intent (hover), before idle would', async () => {
    const { page, chunkRequests, close } = await openPage(strictPage('/intent'), async (p) => {
      // No idle time on this page: only intent can fetch the chunk.
      await p.addInitScript(() => {
        window.requestIdleCallback = () => 0;
      });
    });
    const launcher = page.getByRole('button', { name: 'Contact us' });
    await launcher.waitFor();
    await page.waitForLoadState('load');
    expect(chunkRequests).toHaveLength(0);
    await launcher.hover();
    await expect.poll(() => chunkRequests.length).toBe(1);
    await launcher.click();
    await expect.poll(() => page.getByLabel('Email').isVisible()).toBe(true);
    await close();
  });

  it('says so on the launcher when the chunk is blocked, retries on the next click, and still resends the outbox', async () => {
    const email = 'blocked-chunk@example.com';
    const { stack } = suite;
    const url = strictPage('/blocked');
    let block = true;
    const { page, seen, close } = await openPage(url, async (p) => {
      await p.route(CHUNK, (route) => (block ? route.abort() : route.continue()));
      // What an earlier page could not deliver.
      await p.addInitScript(([key, entry]) => localStorage.setItem(key, JSON.stringify([entry])), [
        'eleapi-leads:outbox',
        {
          url: stack.relay.url,
          body: {
            uuid: '3f2d7c1e-8a4b-4c5d-9e6f-0a1b2c3d4e5f',
            botId: 'bot-test-1',
            customerId: 'cust-test-1',
            email,
            website: '',
          },
        },
      ] as const);
    });
    await expect
      .poll(() => stack.sim.received().filter((r) => r.body.email === email).length)
      .toBe(1);
    const launcher = page.locator('eleapi-lead-form .launcher');
    await launcher.click();
    await expect.poll(() => launcher.textContent()).toBe('The form did not load. Try again');
    expect(seen.consoleErrors.join('\n')).toContain('did not load');
    block = false;
    await launcher.click();
    // The earlier page's lead landed, so the arrived form says it has the visitor's details.
    await expect.poll(() => page.getByText('Thanks — we have your details').isVisible()).toBe(true);
    expect(await launcher.textContent()).toBe('Contact us');
    await close();
  });

  it('applies API calls made before the chunk arrived: prefill then open', async () => {
    const head = `<script src="/queue.js"></script>`;
    suite.stack.pages.setPage('/queue.js', {
      body: "window.EleapiLeads = [['prefill', { name: 'Queued Visitor' }], ['open']];",
      contentType: 'application/javascript',
    });
    const { page, seen, close } = await openPage(strictPage('/queued', { head }));
    await expect.poll(() => page.getByLabel('Name').inputValue()).toBe('Queued Visitor');
    expect(await page.getByRole('dialog', { name: 'Contact us' }).isVisible()).toBe(true);
    expect(seen.cspViolations).toEqual([]);
    await close();
  });
});

describe('inline, under a strict CSP', () => {
  it('draws the form after first paint into the space the loader reserved, without a layout shift', async () => {
    const body = '<main><h1>Shop</h1><div id="slot"></div><p id="after">Below the form</p></main>';
    const url = strictPage('/inline', {
      body,
      data: { mode: 'inline', target: '#slot', fields: 'name,email,phone,message' },
    });
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { page, seen, close } = await openPage(url, async (p) => {
      // The chunk waits until the reserve is measured, as on a slow network.
      await p.route(CHUNK, async (route) => {
        await held;
        await route.continue();
      });
    });
    const host = page.locator('eleapi-lead-form');
    await host.waitFor();
    const reserved = await host.evaluate((el) => el.getBoundingClientRect().height);
    expect(reserved).toBeGreaterThan(300);
    // Shifts from here on are the chunk's drawing, which the reserve is there to absorb.
    await page.evaluate(() => {
      const counted = window as unknown as { shifts: number };
      counted.shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) {
          counted.shifts += entry.value;
        }
      }).observe({ type: 'layout-shift' });
    });
    release();
    await expect.poll(() => page.getByLabel('Message').isVisible()).toBe(true);
    const drawn = await host.evaluate((el) => el.getBoundingClientRect().height);
    expect(drawn - reserved).toBeGreaterThanOrEqual(0);
    expect(drawn - reserved).toBeLessThan(1);
    const shifts = await page.evaluate(() => (window as unknown as { shifts: number }).shifts);
    expect(shifts).toBeLessThanOrEqual(0.01);
    expect(seen.cspViolations).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    await close();
  });
  it('says in the reserved box when the chunk is blocked, and draws the form on its retry button', async () => {
    const url = strictPage('/inline-blocked', {
      body: '<main><h1>Shop</h1><div id="slot"></div><p>Below the form</p></main>',
      data: { mode: 'inline', target: '#slot' },
    });
    let block = true;
    const { page, seen, close } = await openPage(url, async (p) => {
      await p.route(CHUNK, (route) => (block ? route.abort() : route.continue()));
    });
    const retry = page.locator('#slot eleapi-lead-form').getByRole('alert').getByRole('button');
    await expect.poll(() => retry.textContent()).toBe('The form did not load. Try again');
    expect(seen.consoleErrors.join('\n')).toContain('did not load');
    block = false;
    await retry.click();
    await expect.poll(() => page.getByLabel('Email').isVisible()).toBe(true);
    expect(await page.getByRole('alert').count()).toBe(0);
    await close();
  });
});

describe('the relay serves both files', () => {
  it('the loader with a short cache and an ETag, the chunk it names for a year, immutable', async () => {
    const { relay } = suite.stack;
    const loader = await fetch(`${relay.url}/eleapi-leads.js`);
    expect(loader.status).toBe(200);
    expect(loader.headers.get('cache-control')).toBe('public, max-age=300');
    expect(loader.headers.get('etag')).toBeTruthy();
    const name = /"(eleapi-leads\.form\.[\da-f]+\.js)"/.exec(await loader.text())?.[1];
    expect(name).toBeDefined();
    const chunk = await fetch(`${relay.url}/${name}`);
    expect(chunk.status).toBe(200);
    expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(chunk.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
  });
});
