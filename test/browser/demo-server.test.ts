// The demo website server over real HTTP (no browser needed): its pages, the admin proxy in
// front of a real relay, the CSV download, and how it answers what it cannot do.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BOT, PAGE_RELAY_URL } from '../../demo/demo-config.ts';
import { DEMO_SITE_DIR, type RunningDemoServer, startDemoServer } from '../../demo/server.ts';
import { launchBrowser, newContext } from '../_util/browser.ts';
import { type Stack, startStack } from '../_util/e2e-stack.ts';
import { freePort } from '../_util/free-port.ts';
import { TEST_BOT } from '../_util/test-pages.ts';

let stack: Stack;
let demo: RunningDemoServer;
let browser: Browser;

// What the visitor wrote: it reaches eleapi as a note, and the owner must see it.
const MESSAGE = 'Grüße! Bitte rufen Sie mich an, Jonas Müller';

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  demo = await startDemoServer(
    { relayUrl: stack.relay.url, adminToken: stack.adminToken, simUrl: stack.sim.url },
    { port: 0 },
  );
  // Two leads through the relay, one with a name a spreadsheet would run as a formula.
  for (const [name, uuid] of [
    ['=HYPERLINK("http://evil")', '6f1f3c5e-8d2a-4b7e-9c1d-2a3b4c5d6e70'],
    ['Plain Name', '6f1f3c5e-8d2a-4b7e-9c1d-2a3b4c5d6e71'],
  ] as const) {
    const response = await fetch(`${stack.relay.url}/v1/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: stack.pages.url },
      body: JSON.stringify({
        uuid,
        ...TEST_BOT,
        name,
        email: `${uuid.slice(-2)}@example.com`,
        ...(name === 'Plain Name' ? { message: MESSAGE } : {}),
      }),
    });
    expect(response.status).toBe(202);
  }
  // Delivery is asynchronous after the 202: wait until eleapi (the sim) has both.
  await expect
    .poll(() => stack.sim.received().length, {
      timeout: 10_000,
      message: 'the relay delivers the two seed leads',
    })
    .toBe(2);
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await stack?.close();
});

describe('demo website server', () => {
  it('serves the pages with the relay URL it was given, and the strict CSP on csp.html only', async () => {
    const index = await fetch(`${demo.url}/`);
    const html = await index.text();
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html).toContain(`data-relay-url="${stack.relay.url}"`);
    expect(html).not.toContain(PAGE_RELAY_URL);
    expect(html).toContain(`>${DEMO_BOT.botId},${DEMO_BOT.customerId}</script>`);
    expect(index.headers.get('content-security-policy')).toBeNull();
    const csp = await fetch(`${demo.url}/csp.html`);
    expect(csp.headers.get('content-security-policy')).toBe(
      `default-src 'self'; style-src 'self'; script-src 'self'; connect-src ${stack.relay.url}`,
    );
  });

  it('wraps every page in the shared layout: its own lang, one demo bar, the switch off under CSP', async () => {
    const pages = { '/': 'en', '/ar.html': 'ar" dir="rtl', '/leads.html': 'en', '/csp.html': 'en' };
    for (const [path, lang] of Object.entries(pages)) {
      const html = await (await fetch(`${demo.url}${path}`)).text();
      expect(html, path).toMatch(new RegExp(`^<!doctype html>\\n[^]*\\n<html lang="${lang}">\\n`));
      expect(html.match(/<aside class="demo-bar"/g), path).toHaveLength(1);
      expect(html.match(/<link rel="stylesheet" href="\/site.css">/g), path).toHaveLength(1);
      expect(html, path).not.toContain('<!-- slot:');
      expect(html.includes('id="upstream-toggle"'), path).toBe(path !== '/csp.html');
    }
    expect(await (await fetch(`${demo.url}/csp.html`)).text()).toContain(
      "The upstream switch is off here: this page's CSP only lets scripts talk to the relay.",
    );
  });

  it('serves the built widget same-origin as JavaScript', async () => {
    const widget = await fetch(`${demo.url}/eleapi-leads.js`);
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect((await widget.text()).length).toBeGreaterThan(1000);
  });

  it('answers 404 for paths outside the site folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json']) {
      const response = await fetch(`${demo.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain('"name": "eleapi-leads"');
    }
    expect(DEMO_SITE_DIR).toMatch(/demo[\\/]site$/);
  });

  it('lists leads through the relay as flat records, newest first, with a next-page flag', async () => {
    const response = await fetch(`${demo.url}/admin/leads?page=1`);
    const body = (await response.json()) as {
      page: number;
      rows: { name: string }[];
      hasMore: boolean;
    };
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ page: 1, hasMore: false });
    expect(body.rows.map((row) => row.name)).toEqual(['Plain Name', '=HYPERLINK("http://evil")']);
    expect(JSON.stringify([...response.headers])).not.toContain(stack.adminToken);
  });

  it('downloads every lead as CSV with formula-looking cells defused', async () => {
    const response = await fetch(`${demo.url}/admin/leads.csv`);
    const csv = await response.text();
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="leads.csv"');
    expect(csv.split('\r\n')[0]).toMatch(/^uuid,name,email,phone_prefix,phone_number,/);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain('Plain Name');
  });

  it("starts the CSV with the UTF-8 BOM and gives the visitor's message its notes column", async () => {
    const bytes = Buffer.from(await (await fetch(`${demo.url}/admin/leads.csv`)).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header = '', ...lines] = bytes.toString('utf8').slice(1).split('\r\n');
    expect(header.split(',')).toContain('notes');
    expect(lines.find((line) => line.includes('Plain Name'))).toContain(`"Message: ${MESSAGE}"`);
  });

  it('shows the owner every note, the total, and no dead letters only when the relay counts none', async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto(`${demo.url}/leads.html`);
    const row = page.locator('#leads-body').getByRole('row', { name: /Plain Name/ });
    await row.waitFor();
    expect(await row.getByRole('cell').nth(4).textContent()).toBe(`Message: ${MESSAGE}`);
    await page.getByText('2 leads in all').waitFor();
    await page.locator('#dead-body').getByText('No dead letters.').waitFor();
    expect(await page.locator('#dead-count').textContent()).toBe('0');
    await page.context().close();
  });

  it('does not claim "no dead letters" on the leads page when the outbox cannot be read', async () => {
    const closed = await freePort();
    const lonely = await startDemoServer(
      { relayUrl: `http://127.0.0.1:${closed}`, adminToken: 'x'.repeat(20), simUrl: stack.sim.url },
      { port: 0 },
      { logError: () => {} },
    );
    const page = await (await newContext(browser)).newPage();
    try {
      await page.goto(`${lonely.url}/leads.html`);
      await page.getByText(/Could not load the outbox/).waitFor();
      expect(await page.locator('#dead-count').textContent()).toBe('?');
      expect(await page.locator('#dead-body').textContent()).toContain('Not known');
      expect(await page.getByText('No dead letters.').count()).toBe(0);
      await page.getByText(/Total unknown/).waitFor();
    } finally {
      await page.context().close();
      await lonely.close();
    }
  });

  it('answers 400 naming the parameter for a bad page or outbox state, 404 for unknown admin routes', async () => {
    const page = await fetch(`${demo.url}/admin/leads?page=zero`);
    expect(page.status).toBe(400);
    expect(await page.json()).toEqual({ ok: false, message: 'page must be a whole number from 1' });
    const state = await fetch(`${demo.url}/admin/outbox?state=all`);
    expect(await state.json()).toEqual({ ok: false, message: 'state must be "pending" or "dead"' });
    expect((await fetch(`${demo.url}/admin/secrets`)).status).toBe(404);
  });

  it('answers 502 saying the relay did not answer when it is down', async () => {
    const closed = await freePort();
    const lonely = await startDemoServer(
      { relayUrl: `http://127.0.0.1:${closed}`, adminToken: 'x'.repeat(20), simUrl: stack.sim.url },
      { port: 0 },
      { logError: () => {} },
    );
    try {
      const response = await fetch(`${lonely.url}/admin/outbox?state=pending`);
      expect(response.status).toBe(502);
      expect(((await response.json()) as { message: string }).message).toMatch(
        /^the relay did not answer \/v1\/outbox\?state=pending/,
      );
    } finally {
      await lonely.close();
    }
  });

  it('flips the stand-in API between failing and healthy, and rejects a malformed switch', async () => {
    const post = (body: string) =>
      fetch(`${demo.url}/demo/upstream`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      });
    expect(await (await post('{"failing":true}')).json()).toEqual({ failing: true });
    expect(await (await fetch(`${demo.url}/demo/upstream`)).json()).toEqual({ failing: true });
    expect(await (await post('{"failing":false}')).json()).toEqual({ failing: false });
    const bad = await post('{"failing":"yes"}');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      ok: false,
      message: 'body must be {"failing": true|false}',
    });
  });
});
