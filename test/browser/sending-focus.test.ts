// While a submission is in flight (held here at the network layer, the relay is real): focus
// stays on the button, the fields cannot change, a second click sends nothing, and the live
// region says what happened.
import { describe, expect, it } from 'vitest';
import { focused, newContext } from '../_util/browser.ts';
import { useBrowserStack } from '../_util/e2e-stack.ts';
import { widgetPage } from '../_util/test-pages.ts';

const suite = useBrowserStack();

describe('while sending', () => {
  it('keeps focus on the button, keeps the fields read-only, sends once and announces the outcome', async () => {
    const { browser, stack } = suite;
    stack.pages.setPage(
      '/',
      widgetPage({ relayUrl: stack.relay.url, loading: 'async', data: { mode: 'inline' } }),
    );
    const context = await newContext(browser);
    const page = await context.newPage();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let posts = 0;
    await page.route(`${stack.relay.url}/v1/leads`, async (route) => {
      if (route.request().method() === 'POST') {
        posts++;
        await held;
      }
      await route.continue();
    });
    await page.goto(stack.pages.url);
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill('ada@example.com');
    const send = page.getByRole('button', { name: 'Send' });
    await send.focus();
    await page.keyboard.press('Enter');

    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toBe('Sending…');
    expect(await send.getAttribute('aria-disabled')).toBe('true');
    expect(await focused(page)).toMatchObject({ tag: 'button', part: 'button' });
    // An edit now would not be sent, so none can be made.
    expect(
      await page.getByLabel('Name').evaluate((input) => (input as HTMLInputElement).readOnly),
    ).toBe(true);
    await page.getByLabel('Name').press('End');
    await page.keyboard.type(' Byron');
    expect(await page.getByLabel('Name').inputValue()).toBe('Ada Lovelace');
    // force: Playwright treats aria-disabled as "not enabled"; a visitor can still click it.
    await send.click({ force: true });
    await page.keyboard.press('Enter');
    expect(posts).toBe(1);

    release();
    await expect.poll(() => status.textContent()).toBe('Thanks! We will be in touch soon.');
    expect(await focused(page)).toMatchObject({ part: 'status' });
    await expect.poll(() => stack.sim.received().length).toBe(1);
    expect(stack.sim.received()[0]?.body).toMatchObject({ name: 'Ada Lovelace' });
    expect(posts).toBe(1);
    await context.close();
  });

  it('announces how many fields need attention when validation fails', async () => {
    const { browser, stack } = suite;
    stack.pages.setPage('/', widgetPage({ relayUrl: stack.relay.url, data: { mode: 'inline' } }));
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(stack.pages.url);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Fields to check: 2');
    await context.close();
  });
});
