// A visitor's whole journey in real Chromium: the messenger stand-in opens a chat (creating
// its session UUID), the visitor leaves their details, the relay forwards them to the
// stand-in eleapi API, and the owner sees the lead on the demo's leads page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDemoServer, startDemoServer } from '../../demo/server.ts';
import { newContext, recordResponses } from '../_util/browser.ts';
import { useBrowserStack } from '../_util/e2e-stack.ts';
import { STAND_IN_UUID_KEY, type TagLoading, TEST_BOT, widgetPage } from '../_util/test-pages.ts';

const suite = useBrowserStack();
let demo: RunningDemoServer;

beforeAll(async () => {
  const { stack } = suite;
  demo = await startDemoServer(
    { relayUrl: stack.relay.url, adminToken: stack.adminToken, simUrl: stack.sim.url },
    { port: 0 },
  );
});

afterAll(async () => {
  await demo?.close();
});

// One visitor per way a site loads the tag; each has their own name, to find their row.
const VISITORS: [TagLoading, string, string][] = [
  ['defer', 'Ada Lovelace', 'ada'],
  ['blocking', 'Grace Hopper', 'grace'],
  ['async', 'Katherine Johnson', 'katherine'],
  ['injected', 'Hedy Lamarr', 'hedy'],
];

describe('a visitor leaving their details', () => {
  it.each(VISITORS)(
    'reaches eleapi with the chat UUID, the bot ids, the dial code and the relay token, and shows on the leads page (tag loaded %s)',
    async (loading, fullName, mailbox) => {
      const { browser, stack } = suite;
      stack.pages.setPage(
        '/',
        widgetPage({
          relayUrl: stack.relay.url,
          loading,
          data: { 'default-country': 'GB', tags: 'e2e', fields: 'name,email,phone,message' },
        }),
      );
      const context = await newContext(browser);
      const page = await context.newPage();
      const seen = recordResponses(page);
      await page.goto(`${stack.pages.url}/?utm_source=newsletter`);

      // The messenger creates the chat UUID when the visitor opens the chat, as eleapi.js does.
      await page.getByRole('button', { name: 'Chat with us' }).click();
      const chatUuid = await page.evaluate((key) => sessionStorage.getItem(key), STAND_IN_UUID_KEY);
      expect(chatUuid).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      await page.getByRole('button', { name: 'Close chat' }).click();

      await page.getByRole('button', { name: 'Contact us' }).click();
      await page.getByLabel('Name').fill(`  ${fullName} `);
      await page.getByLabel('Email').fill(`${mailbox.toUpperCase()}@Example.COM`);
      await page.getByLabel('Phone').fill('07911 123456');
      await page.getByLabel('Message').fill('Two dozen cardamom buns for Friday, please.');
      await page.getByRole('button', { name: 'Send' }).click();
      await expect.poll(() => page.getByText(/Thank/).isVisible()).toBe(true);

      await expect.poll(() => stack.sim.received().length, { timeout: 10_000 }).toBe(1);
      const [upsert] = stack.sim.received();
      expect(upsert?.headers['x-bp-token']).toBe(stack.eleapiToken);
      expect(upsert?.body).toMatchObject({
        uuid: chatUuid,
        botId: TEST_BOT.botId,
        customerId: TEST_BOT.customerId,
        name: fullName,
        email: `${mailbox}@example.com`,
        phone: '7911123456',
        dialCode: '+44',
        tags: ['e2e'],
        notes: [{ title: 'Message', description: 'Two dozen cardamom buns for Friday, please.' }],
      });
      expect(upsert?.body.attributes).toEqual(
        expect.arrayContaining([
          { key: 'utm_source', value: 'newsletter' },
          { key: 'page_url', value: `${stack.pages.url}/?utm_source=newsletter` },
        ]),
      );

      // The owner's leads page, through the demo server's admin proxy.
      const owner = await context.newPage();
      const ownerSeen = recordResponses(owner);
      await owner.goto(`${demo.url}/leads.html`);
      const row = owner.getByRole('row', { name: new RegExp(fullName) });
      await expect.poll(() => row.isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await row.textContent()).toContain(`${mailbox}@example.com`);
      expect(await row.textContent()).toContain('+44 7911123456');
      expect(await row.textContent()).toContain('e2e');
      await owner.getByText('Nothing waiting').waitFor();

      // Nothing the browser received, on either page, holds the eleapi or the admin token.
      await page.waitForLoadState('networkidle');
      await owner.waitForLoadState('networkidle');
      const all = [...(await seen.settled()), ...(await ownerSeen.settled())];
      expect(all.some((r) => r.url.endsWith('/v1/leads'))).toBe(true);
      expect(all.some((r) => r.url.includes('/admin/leads'))).toBe(true);
      for (const response of all) {
        for (const secret of [stack.eleapiToken, stack.adminToken]) {
          expect(response.headers, response.url).not.toContain(secret);
          expect(response.body, response.url).not.toContain(secret);
        }
      }
      await context.close();
    },
  );
});
