// Several sites on one relay (RELAY_SITES_FILE): origins bound to their pairs, each customer's
// tokens on the upsert and the listing, per-pair limits and per-site metrics.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, newUuid, TOKEN, tempDir, validLead } from '../support/fixtures.ts';
import { type Harness, startHarness } from '../support/harness.ts';

const A = {
  origin: 'https://a.example.com',
  botId: 'botA',
  customerId: 'custA',
  token: 'tokA_SECRET_aaaa',
};
const B = {
  origin: 'https://b.example.com',
  botId: 'botB',
  customerId: 'custB',
  token: 'tokB_SECRET_bbbb',
  listToken: 'listB_SECRET_bbbb',
};

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function start(extraSite: object = {}, env: Record<string, string> = {}) {
  const dir = tempDir();
  const file = join(dir.path, 'sites.json');
  writeFileSync(
    file,
    JSON.stringify({
      sites: [
        {
          name: 'shop-a',
          origins: [A.origin],
          bots: [`${A.botId}:${A.customerId}`],
          token: A.token,
        },
        {
          name: 'shop-b',
          origins: [B.origin],
          bots: [`${B.botId}:${B.customerId}`],
          token: B.token,
          listToken: B.listToken,
          ...extraSite,
        },
      ],
    }),
  );
  h = startHarness({ RELAY_SITES_FILE: file, RELAY_METRICS_PUBLIC: 'true', ...env }, {}, dir);
  return h;
}

const leadFor = (site: typeof A) => validLead({ botId: site.botId, customerId: site.customerId });

async function upstreamTokensAfter(harness: Harness, count: number) {
  await expect.poll(() => harness.upstream.delivered().length).toBe(count);
  return harness.upstream.calls.map((call) => [call.body?.botId, call.headers['x-bp-token']]);
}

describe('one relay for several sites', () => {
  it("sends each site's leads with that customer's upsert token", async () => {
    const relay = start();
    expect((await relay.post(leadFor(A), { origin: A.origin })).status).toBe(202);
    expect((await relay.post(leadFor(B), { origin: B.origin })).status).toBe(202);
    const tokens = await upstreamTokensAfter(relay, 2);
    expect(tokens).toEqual(
      expect.arrayContaining([
        ['botA', A.token],
        ['botB', B.token],
      ]),
    );
    expect(tokens.flat()).not.toContain(TOKEN);
  });

  it("answers 403, as for an unknown pair, when site A posts for site B's bot", async () => {
    const relay = start();
    const response = await relay.post(leadFor(B), { origin: A.origin });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      ok: false,
      error: 'bot_not_allowed',
      message: 'this relay does not accept leads for bot "botB:custB" (botId:customerId)',
    });
    expect(relay.upstream.calls).toHaveLength(0);
  });

  it('answers 403 to an origin no site lists', async () => {
    const relay = start();
    const response = await relay.post(leadFor(A), { origin: 'https://c.example.com' });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: 'origin_not_allowed' });
  });

  it("lists site B's chats with site B's listing token", async () => {
    const relay = start();
    relay.upstream.answerWith({
      status: 200,
      body: {
        success: true,
        message: 'ok',
        code: 200,
        data: { chats: [], total: 0, page: 1, pages: 0 },
      },
    });
    await relay.relay.request(
      `/v1/leads?botId=${B.botId}&customerId=${B.customerId}&page=1&type=lead`,
      {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      },
    );
    expect(relay.upstream.calls.map((call) => call.headers['x-bot-token'])).toEqual([B.listToken]);
  });

  it("refuses a site's leads past its per-pair limit with 429 and Retry-After, leaving other pairs alone", async () => {
    const relay = start({ pairLimit: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      // Different addresses: the per-address limit is not what stops the third.
      statuses.push(
        (await relay.post(leadFor(B), { origin: B.origin, ip: `198.51.100.${i + 1}` })).status,
      );
    }
    expect(statuses).toEqual([202, 202, 429]);
    const limited = await relay.post(leadFor(B), { origin: B.origin, ip: '198.51.100.9' });
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await limited.json()).toMatchObject({ ok: false, error: 'rate_limited' });
    expect((await relay.post(leadFor(A), { origin: A.origin })).status).toBe(202);
  });

  it('counts submissions per site name in /metrics, with no token in the text', async () => {
    const relay = start();
    await relay.post(leadFor(A), { origin: A.origin });
    await relay.post(leadFor(B), { origin: A.origin });
    await relay.post({ ...leadFor(B), uuid: newUuid() }, { origin: B.origin });
    const text = await (await relay.relay.request('/metrics')).text();
    expect(text).toContain(
      'eleapi_relay_site_submissions_total{site="shop-a",outcome="accepted"} 1',
    );
    expect(text).toContain(
      'eleapi_relay_site_submissions_total{site="shop-b",outcome="accepted"} 1',
    );
    for (const secret of [A.token, B.token, B.listToken]) expect(text).not.toContain(secret);
  });

  it('keeps every site token out of the log lines', async () => {
    const relay = start();
    relay.upstream.answerWith({ status: 500, body: { echo: `${A.token} ${B.token}` } });
    await relay.post(leadFor(A), { origin: A.origin });
    await expect.poll(() => relay.upstream.calls.length).toBeGreaterThan(0);
    relay.relay.logger.info({ note: `${A.token} ${B.listToken}` }, 'a line with tokens');
    await expect.poll(() => relay.logs.join('\n')).toContain('a line with tokens');
    const logs = relay.logs.join('\n');
    for (const secret of [A.token, B.token, B.listToken]) expect(logs).not.toContain(secret);
  });
});
