// The relay is the authority on phone numbers: a number the widget's cheap length check lets
// through but libphonenumber refuses comes back as a `phone` issue, shown on the phone field.
import type { Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext } from '../_util/browser.ts';
import { useBrowserStack } from '../_util/e2e-stack.ts';
import { TEST_BOT, widgetPage } from '../_util/test-pages.ts';

const suite = useBrowserStack();

describe('a phone number the relay refuses', () => {
  it('is marked invalid on the phone field with its message linked, and nothing reaches eleapi', async () => {
    const { stack } = suite;
    stack.pages.setPage(
      '/',
      widgetPage({
        relayUrl: stack.relay.url,
        messenger: false,
        data: {
          'bot-id': TEST_BOT.botId,
          'customer-id': TEST_BOT.customerId,
          'default-country': 'GB',
        },
      }),
    );
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    const answers: Response[] = [];
    page.on('response', (response) => {
      if (response.url().startsWith(`${stack.relay.url}/v1/leads`)) answers.push(response);
    });
    await page.goto(stack.pages.url);
    await page.getByRole('button', { name: 'Contact us' }).click();
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill('ada@example.com');
    // A UK mobile one digit short: 9 digits is a possible UK length, so the widget sends it.
    await page.getByLabel('Phone').fill('07911 12345');
    await page.getByRole('button', { name: 'Send' }).click();

    const phone = page.getByLabel('Phone');
    await expect.poll(() => phone.getAttribute('aria-invalid')).toBe('true');
    const posted = answers.filter((answer) => answer.request().method() === 'POST');
    expect(posted.map((answer) => answer.status())).toEqual([400]);
    expect(await posted[0]?.json()).toEqual({
      ok: false,
      error: 'validation',
      issues: [
        { path: 'phone', message: "This doesn't look like a valid number for United Kingdom" },
      ],
    });
    const errorId = (await phone.getAttribute('aria-describedby'))?.split(' ')[0] ?? '';
    const error = page.locator(`eleapi-lead-form #${errorId}`);
    expect(await error.isVisible()).toBe(true);
    expect((await error.textContent())?.trim()).toBeTruthy();
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).not.toBe('true');
    expect(stack.sim.received()).toEqual([]);
    await context.close();
  });
});
