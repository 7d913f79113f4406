// axe-core in real Chromium on the open form, in every built-in language, with and without
// errors shown, floating and inline; Arabic lays the form out right-to-left.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LOCALE_CODES } from '../../src/widget/loader/locale-codes.ts';
import { newContext, seriousAxeViolations } from '../_util/browser.ts';
import { useBrowserStack } from '../_util/e2e-stack.ts';
import { widgetPage } from '../_util/test-pages.ts';

const suite = useBrowserStack();

async function openForm(locale: string, data: Record<string, string> = {}): Promise<Page> {
  const path = `/${locale}-${data.mode ?? 'floating'}`;
  suite.stack.pages.setPage(
    path,
    widgetPage({
      relayUrl: suite.stack.relay.url,
      lang: locale,
      ...(locale === 'ar' ? { dir: 'rtl' as const } : {}),
      body: '<p>Page text.</p><div id="slot"></div>',
      data: {
        locale,
        fields: 'name,email,phone,message',
        consent: 'I agree to be contacted.',
        'privacy-url': `${suite.stack.pages.url}/privacy`,
        ...data,
      },
    }),
  );
  const context = await newContext(suite.browser, { locale });
  const page = await context.newPage();
  await page.goto(`${suite.stack.pages.url}${path}`);
  await page.locator('eleapi-lead-form').waitFor({ state: 'attached' });
  // Locale-neutral: the launcher's name is translated.
  if (data.mode !== 'inline') await page.locator('eleapi-lead-form [part="launcher"]').click();
  await page.locator('eleapi-lead-form form').waitFor();
  return page;
}

describe('accessibility (axe-core, serious and critical rules)', () => {
  for (const locale of LOCALE_CODES) {
    it(`finds no violation in the open floating form in "${locale}"`, async () => {
      const page = await openForm(locale);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('finds no violation with every field showing an error', async () => {
    const page = await openForm('en');
    await page.locator('eleapi-lead-form [type="submit"]').click();
    await expect
      .poll(() => page.locator('eleapi-lead-form [aria-invalid="true"]').count())
      .toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('finds no violation in the inline form', async () => {
    const page = await openForm('en', { mode: 'inline', target: '#slot' });
    expect(await page.locator('#slot > eleapi-lead-form').count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('reports an unlabelled field inside a shadow root (the probe sees into the widget)', async () => {
    const page = await (await newContext(suite.browser)).newPage();
    await page.setContent(
      '<!doctype html><html lang="en"><title>x</title><main><div id="h"></div></main></html>',
    );
    await page.evaluate(() => {
      const root = document.getElementById('h')?.attachShadow({ mode: 'open' });
      root?.append(document.createElement('input'));
    });
    const found = await seriousAxeViolations(page);
    expect(found.map((v) => v.id)).toContain('label');
    await page.context().close();
  });

  it('lays the Arabic form out right-to-left', async () => {
    const page = await openForm('ar');
    const root = page.locator('eleapi-lead-form [dir]').first();
    expect(await root.getAttribute('dir')).toBe('rtl');
    expect(await root.getAttribute('lang')).toBe('ar');
    // The label sits at the right edge of the form in RTL.
    const label = await page.locator('eleapi-lead-form label').first().boundingBox();
    const form = await page.locator('eleapi-lead-form form').boundingBox();
    expect(label && form && form.x + form.width - (label.x + label.width)).toBeLessThan(24);
    await page.context().close();
  });
});
