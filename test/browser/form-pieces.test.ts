// The form chunk's pieces in real Chromium under a strict CSP (issue 10): a default page fetches
// none; a page with the owner's questions fetches the "fields" piece and the questions work, even
// when the visitor opens before it arrived; data-open fetches the "open" piece and still opens. A
// piece that cannot load is said once and the form works without it. (Proof of work's piece:
// form-pieces-pow.test.ts, which needs a relay with it on.)
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext, probe } from '../_util/browser.ts';
import { useBrowserStack } from '../_util/e2e-stack.ts';
import { strictCsp, widgetPage } from '../_util/test-pages.ts';

const suite = useBrowserStack();
const PIECE = /\/eleapi-leads\.form\.[\da-f]+\.([a-z]{3,8})\.js$/;
const QUESTIONS = JSON.stringify([
  { kind: 'text', key: 'company', label: 'Company' },
  { kind: 'select', key: 'event', label: 'Event', options: ['Wedding', 'Party'], required: true },
]);
const BLOCK = `<script type="application/json" data-eleapi-leads-fields>${QUESTIONS}</script>`;

async function openPage(
  path: string,
  { data = {}, body = '' }: { data?: Record<string, string>; body?: string },
  prepare?: (page: Page) => Promise<unknown>,
) {
  const { stack } = suite;
  const csp = strictCsp(stack.relay.url);
  stack.pages.setPage(path, {
    body: widgetPage({ relayUrl: stack.relay.url, data: { fields: 'name,email', ...data }, body }),
    headers: { 'content-security-policy': csp },
  });
  const context = await newContext(suite.browser);
  const page = await context.newPage();
  const seen = await probe(page);
  const pieces: string[] = [];
  page.on('request', (request) => {
    const name = PIECE.exec(new URL(request.url()).pathname)?.[1];
    if (name) pieces.push(name);
  });
  await prepare?.(page);
  await page.goto(`${stack.pages.url}${path}`);
  return { page, seen, pieces, close: () => context.close() };
}

async function send(page: Page, email: string) {
  await page.getByLabel('Name').fill('Ada Lovelace');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect
    .poll(() => page.getByRole('status').textContent())
    .toBe('Thanks! We will be in touch soon.');
}

const landed = (email: string) =>
  expect
    .poll(() => suite.stack.sim.received().find((upsert) => upsert.body.email === email)?.body)
    .toBeDefined();

const formScripts = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('script[src*=".form."]').length);

describe('the default embed', () => {
  it('fetches no piece, and the lead lands', async () => {
    const { page, seen, pieces, close } = await openPage('/plain', {});
    await page.getByRole('button', { name: 'Contact us' }).click();
    await send(page, 'plain@example.com');
    await landed('plain@example.com');
    expect(pieces).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    await close();
  });
});

describe('a page with the owner’s questions', () => {
  it('fetches the "fields" piece once, and the answers reach eleapi', async () => {
    const { page, seen, pieces, close } = await openPage('/questions', { body: BLOCK });
    await page.getByRole('button', { name: 'Contact us' }).click();
    await page.getByLabel('Company').fill('Analytical Engines Ltd');
    await page.getByLabel('Event').selectOption('Party');
    await send(page, 'questions@example.com');
    await landed('questions@example.com');
    const attributes = suite.stack.sim
      .received()
      .find((upsert) => upsert.body.email === 'questions@example.com')?.body.attributes;
    expect(attributes?.slice(0, 2)).toEqual([
      { key: 'company', value: 'Analytical Engines Ltd' },
      { key: 'event', value: 'Party' },
    ]);
    expect(pieces).toEqual(['fields']);
    expect(await formScripts(page)).toBe(0);
    expect(seen.cspViolations).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    await close();
  });

  it('opened before the piece arrived, shows the form with its questions, never without', async () => {
    const { page, close } = await openPage('/questions-slow', { body: BLOCK }, async (p) => {
      await p.route(/\.fields\.js$/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
    });
    await page.getByRole('button', { name: 'Contact us' }).click();
    await page.getByRole('button', { name: 'Send' }).waitFor();
    // Drawn in one render with the questions: at Send's first sight they are there.
    expect(await page.getByLabel('Event').count()).toBe(1);
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill('early@example.com');
    await page.getByRole('button', { name: 'Send' }).click();
    // The required question holds the send.
    await expect.poll(() => page.getByLabel('Event').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Event').selectOption('Wedding');
    await page.getByRole('button', { name: 'Send' }).click();
    await landed('early@example.com');
    await close();
  });

  it('says once when the piece cannot load, and the form works without the questions', async () => {
    const { page, seen, close } = await openPage('/questions-blocked', { body: BLOCK }, (p) =>
      p.route(/\.fields\.js$/, (route) => route.abort()),
    );
    await page.getByRole('button', { name: 'Contact us' }).click();
    await send(page, 'no-questions@example.com');
    await landed('no-questions@example.com');
    expect(await page.getByLabel('Company').count()).toBe(0);
    const said = seen.consoleErrors.filter((text) => text.includes('.fields.js) did not load'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('the form is shown without your own questions');
    expect(await formScripts(page)).toBe(0);
    await close();
  });
});

describe('data-open', () => {
  const panel = (page: Page) => page.locator('eleapi-lead-form [role="dialog"]');

  it('fetches the "open" piece and the panel opens by itself', async () => {
    const { page, seen, pieces, close } = await openPage('/open', { data: { open: 'delay:1' } });
    await expect.poll(() => panel(page).isVisible()).toBe(true);
    expect(pieces).toEqual(['open']);
    expect(seen.cspViolations).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    await close();
  });

  it('says once when the piece cannot load; the panel still opens on click', async () => {
    const { page, seen, close } = await openPage(
      '/open-blocked',
      { data: { open: 'delay:0' } },
      (p) => p.route(/\.open\.js$/, (route) => route.abort()),
    );
    await expect
      .poll(() => seen.consoleErrors.filter((text) => text.includes('.open.js) did not load')))
      .toHaveLength(1);
    expect(seen.consoleErrors.join('\n')).toContain('data-open is not applied');
    expect(await panel(page).count()).toBe(0);
    await page.getByRole('button', { name: 'Contact us' }).click();
    await expect.poll(() => panel(page).isVisible()).toBe(true);
    await close();
  });
});
