// The JavaScript API a site uses, in real Chromium: calls queued before the script loaded,
// prefill, the DOM events with their details, and destroy().
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext } from '../_util/browser.ts';
import { useBrowserStack } from '../_util/e2e-stack.ts';
import { widgetPage } from '../_util/test-pages.ts';

// Runs before the widget tag, as a site's own inline script would.
const RECORD_AND_QUEUE = `<script>
window.__events = [];
for (const name of ['ready', 'open', 'close', 'submit', 'success', 'error']) {
  document.addEventListener('eleapi-leads:' + name, (event) => {
    window.__events.push({ name, detail: JSON.parse(JSON.stringify(event.detail || {})) });
  });
}
window.EleapiLeads = window.EleapiLeads || [];
window.EleapiLeads.push(['prefill', { name: 'Queued Name', email: 'queued@example.com', phone: '7911 123456', dialCode: '+44' }]);
window.EleapiLeads.push(['on', 'success', (detail) => { window.__onSuccess = detail; }]);
</script>`;

interface SeenEvent {
  name: string;
  detail: { uuid?: string; fields?: Record<string, unknown>; reason?: string; status?: number };
}

const suite = useBrowserStack();

async function open(data: Record<string, string> = {}): Promise<Page> {
  suite.stack.pages.setPage(
    '/',
    widgetPage({ relayUrl: suite.stack.relay.url, head: RECORD_AND_QUEUE, data }),
  );
  const page = await (await newContext(suite.browser)).newPage();
  await page.goto(suite.stack.pages.url);
  await page.getByRole('button', { name: 'Contact us' }).waitFor();
  return page;
}

const events = (page: Page) =>
  page.evaluate(() => (window as unknown as { __events: SeenEvent[] }).__events);

describe('calls queued before the script loaded', () => {
  it('replays prefill and on(); a later prefill() fills only empty fields', async () => {
    const page = await open();
    await page.evaluate(() =>
      (window as unknown as { EleapiLeads: { open(): void } }).EleapiLeads.open(),
    );
    expect(await page.getByLabel('Name').inputValue()).toBe('Queued Name');
    expect(await page.getByLabel('Email').inputValue()).toBe('queued@example.com');
    expect((await page.getByLabel('Phone').inputValue()).replace(/\D/g, '')).toBe('7911123456');
    expect(await page.getByLabel('Country code').inputValue()).toBe('GB');

    // A later prefill fills only what is empty: what is in a field (maybe typed) wins.
    const prefillName = () =>
      page.evaluate(() =>
        (window as unknown as { EleapiLeads: { prefill(p: object): void } }).EleapiLeads.prefill({
          name: 'Later Name',
        }),
      );
    await prefillName();
    expect(await page.getByLabel('Name').inputValue()).toBe('Queued Name');
    await page.getByLabel('Name').fill('');
    await prefillName();
    expect(await page.getByLabel('Name').inputValue()).toBe('Later Name');
    await page.getByRole('button', { name: 'Send' }).click();
    const detail = await page.waitForFunction(
      () => (window as unknown as { __onSuccess?: SeenEvent['detail'] }).__onSuccess,
    );
    expect(await detail.jsonValue()).toMatchObject({
      fields: {
        name: 'Later Name',
        email: 'queued@example.com',
        phone: '7911123456',
        dialCode: '+44',
      },
    });
    await expect.poll(() => suite.stack.sim.received().length, { timeout: 10_000 }).toBe(1);
    expect(suite.stack.sim.received()[0]?.body).toMatchObject({
      name: 'Later Name',
      dialCode: '+44',
    });
    await page.context().close();
  });
});

describe('DOM events on document', () => {
  it('fires ready, open, submit, success and close, with the lead uuid and fields but no secret', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Contact us' }).click();
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.getByText(/Thank/).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Close' }).click();

    const seen = await events(page);
    expect(seen.map((e) => e.name)).toEqual(['ready', 'open', 'submit', 'success', 'close']);
    const submit = seen.find((e) => e.name === 'submit');
    const success = seen.find((e) => e.name === 'success');
    const ownUuid = await page.evaluate(() => sessionStorage.getItem('eleapi-leads:uuid'));
    expect(submit?.detail.uuid).toBe(ownUuid);
    expect(success?.detail).toEqual(submit?.detail);
    expect(success?.detail.fields).toMatchObject({
      name: 'Queued Name',
      email: 'queued@example.com',
    });
    expect(await waitForUpsert()).toBe(ownUuid);
    expect(JSON.stringify(seen)).not.toContain(suite.stack.eleapiToken);
    await page.context().close();
  });

  it('fires error with the reason when the relay refuses, tells the owner in the console, apologises and keeps what the visitor typed', async () => {
    const page = await open({ 'bot-id': 'bot-not-on-the-allowlist', 'customer-id': 'cust-x' });
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().startsWith('eleapi-leads:')) {
        consoleErrors.push(message.text());
      }
    });
    await page.getByRole('button', { name: 'Contact us' }).click();
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(async () => (await events(page)).map((e) => e.name)).toContain('error');

    const error = (await events(page)).find((e) => e.name === 'error');
    expect(error?.detail).toMatchObject({ reason: 'refused', status: 403 });
    expect(await page.getByRole('status').filter({ hasText: /./ }).textContent()).toBe(
      'Sorry, it could not be sent. Please contact us another way.',
    );
    await expect.poll(() => consoleErrors.length).toBe(1);
    expect(consoleErrors[0]).toContain('bot-not-on-the-allowlist:cust-x');
    expect(await page.getByLabel('Name').inputValue()).toBe('Queued Name');
    expect(suite.stack.sim.received()).toEqual([]);
    await page.context().close();
  });
});

describe('destroy()', () => {
  it('removes the form and the global', async () => {
    const page = await open();
    await page.evaluate(() =>
      (window as unknown as { EleapiLeads: { destroy(): void } }).EleapiLeads.destroy(),
    );
    expect(await page.locator('eleapi-lead-form').count()).toBe(0);
    expect(await page.evaluate(() => 'EleapiLeads' in window)).toBe(false);
    await page.context().close();
  });
});

async function waitForUpsert(): Promise<string | undefined> {
  await expect.poll(() => suite.stack.sim.received().length, { timeout: 10_000 }).toBe(1);
  return suite.stack.sim.received()[0]?.body.uuid;
}
