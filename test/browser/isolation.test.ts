// The widget and the host page leave each other alone, in real Chromium: under a strict CSP
// the form is styled and works with no violation, and hostile page CSS does not reach it.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext, probe } from '../_util/browser.ts';
import { useBrowserStack } from '../_util/e2e-stack.ts';
import { strictCsp, widgetPage } from '../_util/test-pages.ts';

const suite = useBrowserStack();

const HOSTILE_CSS = `
* { margin: 0 !important; padding: 0 !important; border: 0 !important; }
/* Inherited properties reach a shadow tree through its host unless the widget resets them. */
* { letter-spacing: 4px !important; text-transform: uppercase !important; line-height: 3 !important; font-family: fantasy !important; }
input, select, textarea { display: none !important; }
button { background: yellow !important; color: black !important; }
body { font-size: 40px; color: red; }
`;

// Computed styles a visitor would notice, read inside the shadow root.
async function looks(page: Page) {
  return page.locator('eleapi-lead-form').evaluate((host) => {
    const root = host.shadowRoot as ShadowRoot;
    const pick = (selector: string, props: string[]) => {
      const element = root.querySelector(selector);
      if (!element) return `missing ${selector}`;
      const style = getComputedStyle(element);
      return Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
    };
    const box = [
      'display',
      'font-size',
      'font-family',
      'line-height',
      'letter-spacing',
      'text-transform',
      'color',
      'background-color',
      'padding-top',
      'margin-top',
    ];
    return {
      input: pick('input[name="email"]', [...box, 'border-top-width']),
      select: pick('select', ['display', 'font-size']),
      label: pick('label', ['display', 'font-size', 'color']),
      button: pick('[type="submit"]', box),
    };
  });
}

async function openForm(path: string, page: Page): Promise<void> {
  await page.goto(`${suite.stack.pages.url}${path}`);
  await page.getByRole('button', { name: 'Contact us' }).click();
  await page.getByLabel('Email').waitFor();
}

async function sendLead(page: Page, email: string): Promise<void> {
  await page.getByLabel('Name').fill('Lin Test');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect.poll(() => page.getByText(/Thank/).isVisible()).toBe(true);
  await expect
    .poll(() => suite.stack.sim.received().map((r) => r.body.email), { timeout: 10_000 })
    .toContain(email);
}

describe('under a strict Content Security Policy', () => {
  it('shows the form in its accent colour, sends the lead, and causes no CSP violation', async () => {
    const csp = strictCsp(suite.stack.relay.url);
    suite.stack.pages.setPage('/csp', {
      body: widgetPage({ relayUrl: suite.stack.relay.url, data: { 'accent-color': '#0b6e4f' } }),
      headers: { 'content-security-policy': csp },
    });
    const page = await (await newContext(suite.browser)).newPage();
    const seen = await probe(page);
    const response = await page.goto(`${suite.stack.pages.url}/csp`);
    expect(response?.headers()['content-security-policy']).toBe(csp);
    await page.getByRole('button', { name: 'Contact us' }).click();

    const button = page.getByRole('button', { name: 'Send' });
    expect(await button.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(
      'rgb(11, 110, 79)',
    );
    await sendLead(page, 'csp@example.com');
    expect(seen.cspViolations).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('reports a violation when a page breaks the policy (the probe works)', async () => {
    suite.stack.pages.setPage('/csp-broken', {
      body: '<!doctype html><title>x</title><p style="color: red">inline style</p>',
      headers: { 'content-security-policy': "default-src 'self'; style-src 'self'" },
    });
    const page = await (await newContext(suite.browser)).newPage();
    const seen = await probe(page);
    await page.goto(`${suite.stack.pages.url}/csp-broken`);
    await expect.poll(() => seen.cspViolations.length).toBeGreaterThan(0);
    await page.context().close();
  });
});

describe('on a page with hostile CSS', () => {
  it('looks exactly as on a plain page, with visible fields, and still sends', async () => {
    suite.stack.pages.setPage('/plain', widgetPage({ relayUrl: suite.stack.relay.url }));
    suite.stack.pages.setPage('/hostile.css', { body: HOSTILE_CSS, contentType: 'text/css' });
    suite.stack.pages.setPage(
      '/hostile',
      widgetPage({
        relayUrl: suite.stack.relay.url,
        head: '<link rel="stylesheet" href="/hostile.css">',
      }),
    );
    const context = await newContext(suite.browser);
    const plain = await context.newPage();
    await openForm('/plain', plain);
    const hostile = await context.newPage();
    await openForm('/hostile', hostile);

    // The page's own text did get the hostile rules: they are in force.
    expect(await hostile.locator('h1').evaluate((h) => getComputedStyle(h).color)).toBe(
      'rgb(255, 0, 0)',
    );
    for (const label of ['Name', 'Email', 'Phone']) {
      expect(await hostile.getByLabel(label).isVisible()).toBe(true);
    }
    const styles = await looks(hostile);
    expect(styles.input).toMatchObject({ display: expect.not.stringMatching(/none/) });
    expect(styles.input).not.toMatchObject({ 'font-size': '40px' });
    expect(styles.label).not.toMatchObject({ color: 'rgb(255, 0, 0)' });
    expect(styles).toEqual(await looks(plain));
    await sendLead(hostile, 'hostile@example.com');
    await context.close();
  });
});
