// The site owner's settings of issue 12 in real Chromium, against the relay and the stand-in
// API: questions of their own reaching eleapi as attributes, the data layer push, the remembered
// send with "Send again", the success URL, and axe on the form with questions in en and ar.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext, probe, seriousAxeViolations } from '../_util/browser.ts';
import { useBrowserStack } from '../_util/e2e-stack.ts';
import { widgetPage } from '../_util/test-pages.ts';

const suite = useBrowserStack();

const QUESTIONS = JSON.stringify([
  { kind: 'text', key: 'company', label: { en: 'Company', ar: 'الشركة' } },
  {
    kind: 'select',
    key: 'event',
    label: { en: 'Event', ar: 'المناسبة' },
    options: ['Wedding', { value: 'corporate', label: { en: 'Company party', ar: 'حفلة شركة' } }],
    required: true,
  },
  { kind: 'number', key: 'guests', label: { en: 'Guests', ar: 'عدد الضيوف' }, max: 500 },
  { kind: 'textarea', key: 'plans', label: { en: 'Your plans', ar: 'خططك' }, maxLength: 200 },
  { kind: 'checkbox', key: 'vegan', label: { en: 'Vegan menu', ar: 'قائمة نباتية' } },
]);
const BLOCK = `<script type="application/json" data-eleapi-leads-fields>${QUESTIONS}</script>`;

// Records, at each success event, how many pushes the data layer held: the push comes after.
const RECORD = `<script>
window.__atSuccess = [];
document.addEventListener('eleapi-leads:success', () => {
  window.__atSuccess.push((window.dataLayer || []).length);
});
</script>`;

async function visit(path: string, data: Record<string, string>, extra = {}): Promise<Page> {
  suite.stack.pages.setPage(
    path,
    widgetPage({
      relayUrl: suite.stack.relay.url,
      head: RECORD,
      body: `<p>Catering.</p>${BLOCK}`,
      data: { fields: 'name,email', ...data },
      ...extra,
    }),
  );
  const page = await (await newContext(suite.browser)).newPage();
  await page.goto(`${suite.stack.pages.url}${path}`);
  await page.getByRole('button', { name: 'Contact us' }).click();
  return page;
}

async function fillAndSend(page: Page) {
  await page.getByLabel('Name').fill('Ada Lovelace');
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByLabel('Company').fill('Analytical Engines Ltd');
  await page.getByLabel('Event').selectOption('corporate');
  await page.getByLabel('Guests').fill('40');
  await page.getByLabel('Vegan menu').check();
  await page.getByRole('button', { name: 'Send' }).click();
}

const pushes = (page: Page) =>
  page.evaluate(() => (window as unknown as { dataLayer?: object[] }).dataLayer ?? []);

describe('questions of the site owner', () => {
  it('reach the stand-in API as attributes, ahead of the page context', async () => {
    const page = await visit('/catering', { tags: 'catering' });
    await fillAndSend(page);
    await expect.poll(() => suite.stack.sim.received().length).toBe(1);
    const attributes = suite.stack.sim.received()[0]?.body.attributes ?? [];
    expect(attributes.slice(0, 4)).toEqual([
      { key: 'company', value: 'Analytical Engines Ltd' },
      { key: 'event', value: 'corporate' },
      { key: 'guests', value: '40' },
      { key: 'vegan', value: 'yes' },
    ]);
    // The empty long text sent nothing; page context follows.
    expect(attributes.map((attribute) => attribute.key)).not.toContain('plans');
    expect(attributes.map((attribute) => attribute.key)).toContain('page_url');
    await page.context().close();
  });

  it('a required question left empty stops the send, with the error on it', async () => {
    const page = await visit('/catering-required', {});
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.getByLabel('Event').getAttribute('aria-invalid')).toBe('true');
    expect(suite.stack.sim.received()).toEqual([]);
    await page.context().close();
  });
});

describe('a bad declaration', () => {
  it('gets one console error naming it; the other questions and the form still work', async () => {
    const block = JSON.stringify([
      { kind: 'text', key: 'company', label: 'Company' },
      { kind: 'radio', key: 'size', label: 'Team size' },
    ]);
    suite.stack.pages.setPage(
      '/bad-question',
      widgetPage({
        relayUrl: suite.stack.relay.url,
        body: `<script type="application/json" data-eleapi-leads-fields>${block}</script>`,
      }),
    );
    const page = await (await newContext(suite.browser)).newPage();
    const seen = await probe(page);
    await page.goto(`${suite.stack.pages.url}/bad-question`);
    await page.getByRole('button', { name: 'Contact us' }).click();
    await page.getByLabel('Company').fill('Acme');
    expect(await page.getByLabel('Team size').count()).toBe(0);
    expect(seen.consoleErrors).toEqual([
      expect.stringContaining(
        'data-eleapi-leads-fields: question 2 ("size"): kind must be one of text, textarea',
      ),
    ]);
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => suite.stack.sim.received().length).toBe(1);
    expect(suite.stack.sim.received()[0]?.body.attributes?.[0]).toEqual({
      key: 'company',
      value: 'Acme',
    });
    await page.context().close();
  });
});

describe('data-datalayer="on"', () => {
  it('pushes exactly event, lead_source and form_id, once, after the relay accepted', async () => {
    const page = await visit('/datalayer', { datalayer: 'on', 'form-id': 'catering' });
    expect(await pushes(page)).toEqual([]);
    await fillAndSend(page);
    await expect.poll(() => pushes(page)).toHaveLength(1);
    const [push] = await pushes(page);
    expect(Object.keys(push ?? {})).toEqual(['event', 'lead_source', 'form_id']);
    expect(push).toEqual({
      event: 'generate_lead',
      lead_source: 'eleapi-leads',
      form_id: 'catering',
    });
    expect(
      await page.evaluate(() => (window as unknown as { __atSuccess: number[] }).__atSuccess),
    ).toEqual([0]);
    await expect.poll(() => suite.stack.sim.received().length).toBe(1);
    expect(await pushes(page)).toHaveLength(1);
    await page.context().close();
  });
});

describe('a remembered send', () => {
  it('shows "we have your details" on the next page; Send again shows the form', async () => {
    const page = await visit('/remember', {});
    await fillAndSend(page);
    await page.getByText('Thanks! We will be in touch soon.').waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Contact us' }).click();
    await page.getByText('Thanks — we have your details').waitFor();
    expect(await page.getByLabel('Name').count()).toBe(0);
    await page.getByRole('button', { name: 'Send again' }).click();
    await expect.poll(() => page.getByLabel('Name').isVisible()).toBe(true);
    // Forgotten: the next page shows the form at once.
    await page.reload();
    await page.getByRole('button', { name: 'Contact us' }).click();
    await expect.poll(() => page.getByLabel('Name').isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('data-success-url', () => {
  it('goes to the thank-you page once the lead was accepted', async () => {
    suite.stack.pages.setPage('/thanks', '<!doctype html><title>Thanks</title><h1>Thank you</h1>');
    const page = await visit('/success', { 'success-url': '/thanks', datalayer: 'on' });
    await fillAndSend(page);
    await page.waitForURL(`${suite.stack.pages.url}/thanks`);
    expect(await page.locator('h1').textContent()).toBe('Thank you');
    // The lead the page left behind still reaches eleapi.
    await expect.poll(() => suite.stack.sim.received().length).toBe(1);
    await page.context().close();
  });
});

describe('accessibility with questions (axe-core, serious and critical rules)', () => {
  for (const locale of ['en', 'ar']) {
    it(`finds no violation in "${locale}", with errors shown too`, async () => {
      suite.stack.pages.setPage(
        `/axe-${locale}`,
        widgetPage({
          relayUrl: suite.stack.relay.url,
          lang: locale,
          ...(locale === 'ar' ? { dir: 'rtl' as const } : {}),
          body: `<p>Page text.</p>${BLOCK}`,
          data: { locale, fields: 'name,email', consent: 'I agree to be contacted.' },
        }),
      );
      const page = await (await newContext(suite.browser, { locale })).newPage();
      await page.goto(`${suite.stack.pages.url}/axe-${locale}`);
      await page.locator('eleapi-lead-form [part="launcher"]').click();
      await page.locator('eleapi-lead-form [name="q-event"]').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.locator('eleapi-lead-form [type="submit"]').click();
      await expect
        .poll(() => page.locator('eleapi-lead-form [name="q-event"][aria-invalid="true"]').count())
        .toBe(1);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.context().close();
    });
  }
});
