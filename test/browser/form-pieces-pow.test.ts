// The proof-of-work solver as the form chunk's "pow" piece, in real Chromium under a strict CSP,
// against a relay with proof of work on: fetched only after the relay sent a challenge, and the
// lead lands; a solver that cannot load is a proof failure like any other: the lead is kept and
// lands from the next page.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext, probe } from '../_util/browser.ts';
import { useBrowserStack } from '../_util/e2e-stack.ts';
import { strictCsp, widgetPage } from '../_util/test-pages.ts';

const suite = useBrowserStack({
  RELAY_CHALLENGE: 'pow',
  RELAY_CHALLENGE_SECRET: 'browser-form-pieces-pow-secret-0123456789',
  RELAY_CHALLENGE_COST: '2000',
});

async function openPage(path: string) {
  const { stack } = suite;
  const csp = strictCsp(stack.relay.url);
  for (const at of [path, `${path}/next`]) {
    stack.pages.setPage(at, {
      body: widgetPage({ relayUrl: stack.relay.url }),
      headers: { 'content-security-policy': csp },
    });
  }
  const context = await newContext(suite.browser);
  const page = await context.newPage();
  const seen = await probe(page);
  // What the page fetched, in order: the challenge's answer and the piece files.
  const order: string[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/v1/challenge')) order.push(`challenge ${response.status()}`);
  });
  page.on('request', (request) => {
    const piece = /\.form\.[\da-f]+\.([a-z]{3,8})\.js$/.exec(request.url())?.[1];
    if (piece) order.push(piece);
  });
  return { page, seen, order, close: () => context.close() };
}

async function fill(page: Page, email: string) {
  await page.getByRole('button', { name: 'Contact us' }).click();
  await page.getByLabel('Name').fill('Ada Pow');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send' }).click();
}

const landed = (email: string) =>
  expect
    .poll(() => suite.stack.sim.received().filter((upsert) => upsert.body.email === email).length, {
      timeout: 20_000,
    })
    .toBe(1);

describe('the "pow" piece', () => {
  it('is fetched once the relay sent a challenge, and the lead lands', async () => {
    const { page, seen, order, close } = await openPage('/pow');
    await page.goto(`${suite.stack.pages.url}/pow`);
    await fill(page, 'pow-piece@example.com');
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 30_000 })
      .toBe('Thanks! We will be in touch soon.');
    await landed('pow-piece@example.com');
    expect(order).toEqual(['challenge 200', 'pow']);
    expect(seen.cspViolations).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    await close();
  });

  it('that cannot load leaves the lead kept, and the next page sends it', async () => {
    const { page, close } = await openPage('/pow-blocked');
    await page.route(/\.pow\.js$/, (route) => route.abort());
    await page.goto(`${suite.stack.pages.url}/pow-blocked`);
    await fill(page, 'pow-blocked@example.com');
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 30_000 })
      .toBe('We could not reach our server. Saved: we will keep trying.');
    expect(
      suite.stack.sim.received().filter((u) => u.body.email === 'pow-blocked@example.com'),
    ).toEqual([]);
    await page.unroute(/\.pow\.js$/);
    await page.goto(`${suite.stack.pages.url}/pow-blocked/next`);
    await landed('pow-blocked@example.com');
    await close();
  });
});
