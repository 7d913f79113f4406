// Nothing a visitor typed is lost when the relay cannot be reached, in real Chromium: the
// visitor is told it will be sent, and once the relay is back the lead reaches eleapi once.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { newContext } from '../_util/browser.ts';
import { useBrowserStack } from '../_util/e2e-stack.ts';
import { widgetPage } from '../_util/test-pages.ts';

const OUTBOX_KEY = 'eleapi-leads:outbox';

const suite = useBrowserStack();

beforeAll(() => {
  const { stack } = suite;
  stack.pages.setPage('/', widgetPage({ relayUrl: stack.relay.url }));
  stack.pages.setPage('/next', widgetPage({ relayUrl: stack.relay.url, body: '<p>Next page</p>' }));
});

const receivedFor = (email: string) =>
  suite.stack.sim.received().filter((upsert) => upsert.body.email === email).length;

const storedLeads = (page: Page) =>
  page.evaluate(
    (key) => JSON.parse(localStorage.getItem(key) ?? '[]').length as number,
    OUTBOX_KEY,
  );

async function submit(page: Page, email: string): Promise<void> {
  await page.getByRole('button', { name: 'Contact us' }).click();
  await page.getByLabel('Name').fill('Offline Visitor');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send' }).click();
}

describe('when the relay cannot be reached at submit time', () => {
  it('tells the visitor they are offline, delivers exactly once when the browser is back online, and then says it was sent', async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    // The visitor goes offline after the page had its idle time: the form chunk is there.
    const chunk = page.waitForResponse((r) => /eleapi-leads\.form\.[\da-f]+\.js$/.test(r.url()));
    await page.goto(suite.stack.pages.url);
    await chunk;
    await context.setOffline(true);
    await submit(page, 'offline@example.com');

    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/^You are offline\./);
    expect(await storedLeads(page)).toBe(1);
    expect(receivedFor('offline@example.com')).toBe(0);

    await context.setOffline(false);
    await expect.poll(() => receivedFor('offline@example.com'), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => storedLeads(page)).toBe(0);
    await expect.poll(() => status.textContent()).toBe('Thanks! We will be in touch soon.');
    // A fresh page load flushes the outbox again: there is nothing left to send twice.
    await page.reload();
    await page.getByRole('button', { name: 'Contact us' }).waitFor();
    expect(await storedLeads(page)).toBe(0);
    expect(receivedFor('offline@example.com')).toBe(1);
    await context.close();
  });

  it('says the server could not be reached (not "offline") while the relay is down, and sends it from the next page once it is back', async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    await page.goto(suite.stack.pages.url);
    await suite.stack.stopRelay();
    try {
      await submit(page, 'relay-down@example.com');
      await expect
        .poll(() => page.getByRole('status').textContent())
        .toBe('We could not reach our server. Saved: we will keep trying.');
      expect(await storedLeads(page)).toBe(1);
    } finally {
      await suite.stack.restartRelay();
    }
    await page.goto(`${suite.stack.pages.url}/next`);
    await expect.poll(() => receivedFor('relay-down@example.com'), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => storedLeads(page)).toBe(0);
    expect(receivedFor('relay-down@example.com')).toBe(1);
    await context.close();
  });
});

describe('when storage refuses the submission too', () => {
  it('tells the visitor it is not saved on the device, and resends it from memory while the page is open', async () => {
    const context = await newContext(suite.browser);
    // A full quota, as Safari's private mode used to give every page.
    await context.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('quota exceeded', 'QuotaExceededError');
      };
    });
    const page = await context.newPage();
    await page.goto(suite.stack.pages.url);
    await suite.stack.stopRelay();
    try {
      await submit(page, 'no-storage@example.com');
      await expect
        .poll(() => page.getByRole('status').textContent())
        .toBe('Could not be saved on this device. Keep this page open: we will keep trying.');
      expect(await storedLeads(page)).toBe(0);
    } finally {
      await suite.stack.restartRelay();
    }
    // The backoff's resend, from this page's memory, with nobody clicking.
    await expect.poll(() => receivedFor('no-storage@example.com'), { timeout: 20_000 }).toBe(1);
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('Thanks! We will be in touch soon.');
    await context.close();
  });
});
