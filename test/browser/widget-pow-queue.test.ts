// A lead queued while the relay was away, with proof of work on (low cost, 30 s challenges, so
// the stored proof expires during the test): the next page solves a fresh one before resending,
// or after the relay refused the stored one, and the lead reaches eleapi exactly once.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { newContext } from '../_util/browser.ts';
import { useBrowserStack } from '../_util/e2e-stack.ts';
import { widgetPage } from '../_util/test-pages.ts';

const OUTBOX_KEY = 'eleapi-leads:outbox';
const suite = useBrowserStack({
  RELAY_CHALLENGE: 'pow',
  RELAY_CHALLENGE_SECRET: 'browser-widget-pow-queue-secret-0123456789',
  RELAY_CHALLENGE_COST: '2000',
  RELAY_CHALLENGE_TTL_SECONDS: '30',
});

beforeAll(() => {
  const { stack } = suite;
  stack.pages.setPage('/', widgetPage({ relayUrl: stack.relay.url }));
  stack.pages.setPage('/next', widgetPage({ relayUrl: stack.relay.url, body: '<p>Next page</p>' }));
});

/** The stored lead's proof: when its challenge expires (seconds) and its salt. */
const storedProof = (page: Page) =>
  page.evaluate((key) => {
    const [entry] = JSON.parse(localStorage.getItem(key) ?? '[]');
    if (!entry?.body.challenge) return undefined;
    const { parameters } = JSON.parse(atob(entry.body.challenge)).challenge;
    return { expiresAt: parameters.expiresAt as number, salt: parameters.salt as string };
  }, OUTBOX_KEY);

const saltOf = (postData: string | null) =>
  JSON.parse(atob(JSON.parse(postData ?? '{}').challenge)).challenge.parameters.salt as string;

describe('a queued lead whose proof of work expired', () => {
  it('is solved again on the next page and lands exactly once', async () => {
    const { browser, stack } = suite;
    const context = await newContext(browser);
    const page = await context.newPage();
    const posted: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/v1/leads')) posted.push(saltOf(r.postData()));
    });
    const challenge = page.waitForResponse((r) => r.url().includes('/v1/challenge'));
    await page.goto(stack.pages.url);
    await page.getByRole('button', { name: 'Contact us' }).click();
    await challenge;

    await stack.stopRelay();
    let kept: Awaited<ReturnType<typeof storedProof>>;
    try {
      await page.getByLabel('Name').fill('Queued Visitor');
      await page.getByLabel('Email').fill('queued-pow@example.com');
      await page.getByRole('button', { name: 'Send' }).click();
      await expect
        .poll(() => page.getByRole('status').textContent())
        .toBe('We could not reach our server. Saved: we will keep trying.');
      kept = await storedProof(page);
      if (!kept) throw new Error('the queued lead has no proof of work');
      // Waits for the real expiry (the relay would refuse that proof now), then a little more.
      await expect
        .poll(() => page.evaluate(() => Date.now()), { timeout: 45_000, interval: 1_000 })
        .toBeGreaterThan(kept.expiresAt * 1000 + 1_000);
      posted.length = 0;
    } finally {
      await stack.restartRelay();
    }

    await page.goto(`${stack.pages.url}/next`);
    await expect
      .poll(() => stack.sim.received().filter((u) => u.body.email === 'queued-pow@example.com'), {
        timeout: 20_000,
      })
      .toHaveLength(1);
    await expect.poll(() => storedProof(page)).toBeUndefined();
    await expect
      .poll(() => page.evaluate((key) => localStorage.getItem(key), OUTBOX_KEY))
      .toBeNull();
    // One post, with a fresh proof: the expired one never went out again.
    expect(posted).toHaveLength(1);
    expect(posted[0]).not.toBe(kept?.salt);
    expect(
      stack.sim.received().filter((u) => u.body.email === 'queued-pow@example.com'),
    ).toHaveLength(1);
    await context.close();
  }, 90_000);
});

describe('a queued lead whose proof of work the relay refuses', () => {
  it('is solved again after the 400 and lands exactly once (the relay came back with a new secret)', async () => {
    const { browser, stack } = suite;
    const context = await newContext(browser);
    const page = await context.newPage();
    const posted: { salt: string; status: number | undefined }[] = [];
    page.on('requestfinished', async (r) => {
      if (r.method() !== 'POST' || !r.url().endsWith('/v1/leads')) return;
      posted.push({ salt: saltOf(r.postData()), status: (await r.response())?.status() });
    });
    const challenge = page.waitForResponse((r) => r.url().includes('/v1/challenge'));
    await page.goto(stack.pages.url);
    await page.getByRole('button', { name: 'Contact us' }).click();
    await challenge;

    await stack.stopRelay();
    let kept: Awaited<ReturnType<typeof storedProof>>;
    try {
      await page.getByLabel('Name').fill('Rotated Visitor');
      await page.getByLabel('Email').fill('rotated-pow@example.com');
      await page.getByRole('button', { name: 'Send' }).click();
      await expect.poll(() => storedProof(page)).toBeDefined();
      kept = await storedProof(page);
    } finally {
      await stack.restartRelay({
        RELAY_CHALLENGE_SECRET: 'browser-widget-pow-queue-rotated-0123456789',
      });
    }

    await page.goto(`${stack.pages.url}/next`);
    await expect
      .poll(() => stack.sim.received().filter((u) => u.body.email === 'rotated-pow@example.com'), {
        timeout: 20_000,
      })
      .toHaveLength(1);
    await expect
      .poll(() => page.evaluate((key) => localStorage.getItem(key), OUTBOX_KEY))
      .toBeNull();
    // The old proof refused once (signed with the old secret), then a fresh one accepted.
    await expect.poll(() => posted.at(-1)?.status).toBe(202);
    expect(posted.filter((p) => p.status === 202)).toHaveLength(1);
    expect(posted.filter((p) => p.status === 400).map((p) => p.salt)).toEqual([kept?.salt]);
    await context.close();
  });
});
