// Where an inline form shows up when the owner pasted the tag in <head> without data-target,
// and the consent box's link when data-privacy-url is relative: what a visitor sees.
import { describe, expect, it } from 'vitest';
import { newContext } from '../_util/browser.ts';
import { useBrowserStack } from '../_util/e2e-stack.ts';
import { type TagLoading, widgetPage } from '../_util/test-pages.ts';

const suite = useBrowserStack();

async function openPage(data: Record<string, string>, loading: TagLoading = 'defer') {
  const { browser, stack } = suite;
  stack.pages.setPage(
    '/shop/',
    widgetPage({
      relayUrl: stack.relay.url,
      loading,
      data,
      body: '<p>Welcome.</p><footer id="footer">Footer</footer>',
    }),
  );
  const context = await newContext(browser);
  const page = await context.newPage();
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.goto(`${stack.pages.url}/shop/`);
  return { page, warnings };
}

describe('an inline tag in <head> without data-target', () => {
  it.each<TagLoading>(['defer', 'blocking', 'async', 'injected'])(
    'shows the form at the end of <body> with one console warning saying how to place it (tag loaded %s)',
    async (loading) => {
      const { page, warnings } = await openPage({ mode: 'inline' }, loading);
      const name = page.getByLabel('Name');
      await name.waitFor();
      expect(await name.isVisible()).toBe(true);
      // After the page's own content; the messenger stand-in's bubble may land before or after
      // it, as the two scripts race (the loader is small enough to win now, issue 10).
      const placed = await page.evaluate(() => {
        const host = document.querySelector('eleapi-lead-form');
        const last = Array.from(document.body.children).filter((el) => el.localName !== 'div');
        return { parent: host?.parentElement?.localName, last: last.at(-1)?.localName };
      });
      expect(placed).toEqual({ parent: 'body', last: 'eleapi-lead-form' });
      await expect.poll(() => warnings.length).toBe(1);
      expect(warnings[0]).toContain('end of <body>');
      expect(warnings[0]).toContain('data-target');
      await page.context().close();
    },
  );
});

describe('a relative data-privacy-url', () => {
  it('links the consent text to the privacy page resolved against the page', async () => {
    const { page } = await openPage({
      mode: 'inline',
      target: '#footer',
      consent: 'I agree to the [privacy policy].',
      'privacy-url': '../privacy.html',
    });
    const link = page.getByRole('link', { name: 'privacy policy' });
    await link.waitFor();
    expect(await link.isVisible()).toBe(true);
    expect(await link.getAttribute('href')).toBe(`${suite.stack.pages.url}/privacy.html`);
    await page.context().close();
  });
});
