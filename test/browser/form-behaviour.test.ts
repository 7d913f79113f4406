// What a visitor sees while filling the form in real Chromium: field errors before anything
// is sent, keyboard-only use from the launcher to the thank-you, and focus coming back.
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { focused, newContext, tabTo } from '../_util/browser.ts';
import { useBrowserStack } from '../_util/e2e-stack.ts';
import { TEST_BOT, widgetPage } from '../_util/test-pages.ts';

const suite = useBrowserStack();

async function openPage(
  data: Record<string, string> = {},
): Promise<{ page: Page; posts: Request[] }> {
  // Ids on the tag and no messenger: nothing but the widget is focusable on the page.
  suite.stack.pages.setPage(
    '/',
    widgetPage({
      relayUrl: suite.stack.relay.url,
      messenger: false,
      data: { 'bot-id': TEST_BOT.botId, 'customer-id': TEST_BOT.customerId, ...data },
    }),
  );
  const context = await newContext(suite.browser);
  const page = await context.newPage();
  const posts: Request[] = [];
  page.on('request', (request) => {
    // Lead posts only: opening the form also asks GET /v1/challenge (proof of work, issue 13).
    if (request.url().startsWith(suite.stack.relay.url) && request.method() === 'POST') {
      posts.push(request);
    }
  });
  await page.goto(suite.stack.pages.url);
  return { page, posts };
}

describe('validation in the browser', () => {
  it('shows errors on a bad email and a short phone, focuses the first, and sends nothing', async () => {
    const { page, posts } = await openPage({ 'default-country': 'GB' });
    await page.getByRole('button', { name: 'Contact us' }).click();
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill('ada@');
    await page.getByLabel('Phone').fill('0791 12');
    await page.getByRole('button', { name: 'Send' }).click();

    for (const label of ['Email', 'Phone']) {
      const input = page.getByLabel(label);
      await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
      const errorId = (await input.getAttribute('aria-describedby'))?.split(' ')[0] ?? '';
      const error = page.locator(`eleapi-lead-form #${errorId}`);
      expect(await error.isVisible()).toBe(true);
      expect((await error.textContent())?.trim()).toBeTruthy();
    }
    expect(await page.getByLabel('Name').getAttribute('aria-invalid')).not.toBe('true');
    expect(await focused(page)).toMatchObject({ name: 'email' });
    expect(posts).toEqual([]);
    expect(suite.stack.sim.received()).toEqual([]);
    await page.context().close();
  });
});

describe('keyboard only', () => {
  it('goes from the launcher to the thank-you without a mouse and never lands on the honeypot', async () => {
    const { page } = await openPage({ 'default-country': 'US' });
    const visited = await tabTo(page, (el) => el.part === 'launcher');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatchObject({ name: 'name' });
    await page.keyboard.type('Grace Hopper');
    visited.push(...(await tabTo(page, (el) => el.name === 'email')));
    await page.keyboard.type('grace@example.com');
    visited.push(...(await tabTo(page, (el) => el.name === 'phone')));
    await page.keyboard.type('(202) 555-0142');
    visited.push(...(await tabTo(page, (el) => el.tag === 'button' && el.text === 'Send')));
    await page.keyboard.press('Enter');

    await expect.poll(() => page.getByText(/Thank/).isVisible()).toBe(true);
    await expect.poll(() => suite.stack.sim.received().length, { timeout: 10_000 }).toBe(1);
    expect(suite.stack.sim.received()[0]?.body).toMatchObject({
      name: 'Grace Hopper',
      email: 'grace@example.com',
      phone: '2025550142',
      dialCode: '+1',
    });
    expect(visited.some((el) => el.name === 'website')).toBe(false);
    await page.context().close();
  });

  it('moves focus to the thank-you message after sending, so Escape still closes the panel', async () => {
    const { page } = await openPage();
    await page.getByRole('button', { name: 'Contact us' }).click();
    await page.getByLabel('Name').fill('Focus Test');
    await page.getByLabel('Email').fill('focus@example.com');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText(/Thank/).isVisible()).toBe(true);
    await expect.poll(async () => (await focused(page))?.text).toMatch(/Thank/);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await focused(page)).toMatchObject({ part: 'launcher' });
    await page.context().close();
  });

  it('closes on Escape and on the close button, putting focus back on the launcher', async () => {
    const { page } = await openPage();
    await tabTo(page, (el) => el.part === 'launcher');
    await page.keyboard.press('Enter');
    // The form chunk may still be on its way when Enter is pressed: focus lands once it is drawn.
    await expect.poll(() => focused(page)).toMatchObject({ name: 'name' });
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await focused(page)).toMatchObject({ part: 'launcher' });

    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await focused(page)).toMatchObject({ part: 'launcher' });
    await page.context().close();
  });
});
