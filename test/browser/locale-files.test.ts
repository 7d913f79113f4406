// The form's texts per locale (issue 10, chunk bytes): English ships in the chunk; another
// built-in locale's texts are a plain script beside it, eleapi-leads.form.<hash>.<locale>.js,
// fetched once the chunk arrived, before the form is drawn. Under a strict CSP; a file that
// cannot load leaves the form in English and says so in the console.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext, probe } from '../_util/browser.ts';
import { useBrowserStack } from '../_util/e2e-stack.ts';
import { strictCsp, widgetPage } from '../_util/test-pages.ts';

const suite = useBrowserStack();
const FORM_FILE = /\/eleapi-leads\.form\.[\da-f]+(\.[a-z]{2})?\.js$/;

async function openPage(
  path: string,
  data: Record<string, string>,
  prepare?: (page: Page) => Promise<void>,
) {
  const { stack } = suite;
  const csp = strictCsp(stack.relay.url);
  stack.pages.setPage(path, {
    body: widgetPage({ relayUrl: stack.relay.url, data }),
    headers: { 'content-security-policy': csp },
  });
  const context = await newContext(suite.browser);
  const page = await context.newPage();
  const seen = await probe(page);
  const requested: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (FORM_FILE.test(pathname)) requested.push(pathname);
  });
  await prepare?.(page);
  await page.goto(`${stack.pages.url}${path}`);
  return { page, seen, requested, close: () => context.close() };
}

describe('texts per locale', () => {
  it('fetches only the German file beside the chunk and shows the form in German', async () => {
    const { page, seen, requested, close } = await openPage('/de', { locale: 'de' });
    await page.getByRole('button', { name: 'Kontakt' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Senden' }).isVisible()).toBe(true);
    expect(await page.getByLabel('E-Mail').isVisible()).toBe(true);
    const [chunk, texts, ...more] = requested;
    expect(more).toEqual([]);
    expect(texts).toBe(chunk?.replace(/\.js$/, '.de.js'));
    // Both scripts ran and are gone: nothing of the widget outside its element.
    expect(
      await page.evaluate(() => document.querySelectorAll('script[src*=".form."]').length),
    ).toBe(0);
    expect(seen.cspViolations).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    await close();
  });

  it('fetches no locale file for English', async () => {
    const { page, requested, close } = await openPage('/en', { locale: 'en' });
    await page.getByRole('button', { name: 'Contact us' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Send' }).isVisible()).toBe(true);
    expect(requested).toHaveLength(1);
    await close();
  });

  it('shows the form in English and says why when the locale file cannot load', async () => {
    const { page, seen, close } = await openPage('/fr-blocked', { locale: 'fr' }, async (p) => {
      await p.route(/\.fr\.js$/, (route) => route.abort());
    });
    await page.getByRole('button', { name: 'Contactez-nous' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Send' }).isVisible()).toBe(true);
    expect(await page.getByLabel('Email').isVisible()).toBe(true);
    await expect
      .poll(() => seen.consoleErrors.filter((text) => text.includes('"fr" texts')).length)
      .toBe(1);
    expect(seen.consoleErrors.join('\n')).toContain('the form is shown in English');
    await close();
  });
});
