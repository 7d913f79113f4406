// data-open in real Chromium: the panel opens by itself on exit intent (the pointer leaving
// through the top of the viewport) and on scroll, once per browser session, never after the
// visitor closed it.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext } from '../_util/browser.ts';
import { useBrowserStack } from '../_util/e2e-stack.ts';
import { widgetPage } from '../_util/test-pages.ts';

const suite = useBrowserStack();
const TALL = '<p>Menu.</p><div style="height:3000px"></div><p>Footer.</p>';

async function visit(
  path: string,
  open: string,
  reducedMotion: 'reduce' | 'no-preference' = 'no-preference',
): Promise<Page> {
  suite.stack.pages.setPage(
    path,
    widgetPage({ relayUrl: suite.stack.relay.url, data: { open }, body: TALL }),
  );
  const page = await (await newContext(suite.browser, { reducedMotion })).newPage();
  await page.goto(`${suite.stack.pages.url}${path}`);
  await page.getByRole('button', { name: 'Contact us' }).waitFor();
  return page;
}

const panel = (page: Page) => page.locator('eleapi-lead-form [role="dialog"]');
const isOpen = async (page: Page) => (await panel(page).count()) > 0 && panel(page).isVisible();

/** The form chunk arrived on idle (fetched, and its script element gone): an open is synchronous. */
const chunkArrived = (page: Page) =>
  expect
    .poll(() =>
      page.evaluate(
        () =>
          performance.getEntriesByType('resource').some((e) => e.name.includes('.form.')) &&
          !document.querySelector('script[src*=".form."]'),
      ),
    )
    .toBe(true);

/** The pointer goes from the page's middle up and out through its top edge. */
async function leaveThroughTop(page: Page) {
  await page.mouse.move(400, 300);
  await page.mouse.move(400, 5, { steps: 5 });
  await page.mouse.move(400, -20, { steps: 2 });
}

describe('data-open="exit"', () => {
  it('opens when the pointer leaves through the top, once per session', async () => {
    const page = await visit('/exit', 'exit');
    // Leaving through the side is no exit intent.
    await page.mouse.move(400, 300);
    await page.mouse.move(-20, 300, { steps: 3 });
    await chunkArrived(page);
    expect(await isOpen(page)).toBe(false);
    await leaveThroughTop(page);
    await expect.poll(() => isOpen(page)).toBe(true);
    // Nothing was focused: focus goes into the panel.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.localName))
      .toBe('eleapi-lead-form');

    // The next page of the same session: exit intent opens nothing again.
    await page.reload();
    await page.getByRole('button', { name: 'Contact us' }).waitFor();
    await chunkArrived(page);
    await leaveThroughTop(page);
    expect(await isOpen(page)).toBe(false);
    await page.context().close();
  });

  it('does not open after the visitor opened and closed the panel', async () => {
    const page = await visit('/exit-closed', 'exit');
    await page.getByRole('button', { name: 'Contact us' }).click();
    await expect.poll(() => isOpen(page)).toBe(true);
    await page.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => isOpen(page)).toBe(false);
    await leaveThroughTop(page);
    expect(await page.evaluate(() => sessionStorage.getItem('eleapi-leads:auto-open'))).toBe(
      'closed',
    );
    expect(await isOpen(page)).toBe(false);
    await page.context().close();
  });
});

describe('data-open="scroll:50"', () => {
  it('opens once the visitor scrolled half the page, and keeps the page’s focus', async () => {
    const page = await visit('/scroll', 'scroll:50');
    await page.mouse.wheel(0, 400);
    expect(await isOpen(page)).toBe(false);
    // A link of the page has focus: the panel opens without taking it.
    await page.evaluate(() => {
      const link = document.createElement('a');
      link.href = '#menu';
      link.textContent = 'Menu';
      document.querySelector('main')?.prepend(link);
      link.focus();
    });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => isOpen(page)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Menu');
    await page.context().close();
  });
});

describe('data-open="delay:0"', () => {
  it('fetches the form and opens at once, with no animation under prefers-reduced-motion', async () => {
    const animation = async (page: Page) => {
      await expect.poll(() => isOpen(page)).toBe(true);
      return panel(page).evaluate((element) => getComputedStyle(element).animationName);
    };
    const moving = await visit('/delay', 'delay:0');
    expect(await animation(moving)).toBe('rise');
    await moving.context().close();
    const still = await visit('/delay-reduced', 'delay:0', 'reduce');
    expect(await animation(still)).toBe('none');
    await still.context().close();
  });
});
