// Visitors behind one address hit the relay's rate limit (issue 8: 5 of 14 lost their lead).
// The widget keeps the submission, tells the visitor it is on its way, and resends it once
// Retry-After has passed, with nobody clicking anything: the lead reaches the stand-in API.
import { describe, expect, it } from 'vitest';
import { newContext } from '../_util/browser.ts';
import { useBrowserStack } from '../_util/e2e-stack.ts';
import { widgetPage } from '../_util/test-pages.ts';

// 6 a minute: a bucket of 6, one token back every 10 s, so Retry-After is about 10 s.
const PER_MINUTE = 6;
const suite = useBrowserStack({ RELAY_RATE_LIMIT: String(PER_MINUTE) });

/** Spends this address's tokens (the browser shares it) until the relay answers 429. */
async function spendRateLimit(relayUrl: string): Promise<string | null> {
  for (let sent = 0; sent <= PER_MINUTE; sent++) {
    const response = await fetch(`${relayUrl}/v1/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    if (response.status === 429) return response.headers.get('retry-after');
  }
  throw new Error(`no 429 after ${PER_MINUTE + 1} posts`);
}

describe('a submission answered 429', () => {
  it('is kept, the visitor is told it is on its way, and it is resent after Retry-After on its own', async () => {
    const { browser, stack } = suite;
    stack.pages.setPage(
      '/',
      widgetPage({ relayUrl: stack.relay.url, data: { 'default-country': 'GB' } }),
    );
    const context = await newContext(browser);
    const page = await context.newPage();
    const answers: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/v1/leads') && response.request().method() === 'POST') {
        answers.push(response.status());
      }
    });
    await page.goto(stack.pages.url);
    await page.getByRole('button', { name: 'Contact us' }).click();
    await page.getByLabel('Name').fill('Jonas Müller');
    await page.getByLabel('Email').fill('jonas@example.com');

    expect(Number(await spendRateLimit(stack.relay.url))).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Send' }).click();

    const status = page.getByRole('status');
    await expect
      .poll(() => status.textContent())
      .toBe('On its way: it will be sent in a few seconds.');
    expect(answers).toEqual([429]);
    expect(stack.sim.received()).toEqual([]);

    // Retry-After is ~10 s; the resend comes on its own, and the panel then says it was sent.
    await expect.poll(() => stack.sim.received().length, { timeout: 30_000 }).toBe(1);
    expect(stack.sim.received()[0]?.body).toMatchObject({
      name: 'Jonas Müller',
      email: 'jonas@example.com',
    });
    // The page may see the 202 a moment after eleapi has the lead: wait for it, do not race it.
    await expect.poll(() => answers).toEqual([429, 202]);
    await expect.poll(() => status.textContent()).toBe('Thanks! We will be in touch soon.');
    await context.close();
  });
});
