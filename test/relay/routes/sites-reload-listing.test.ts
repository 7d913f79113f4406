// The admin listing after a reload of RELAY_SITES_FILE: it serves the pairs of the sites now in
// force, with their tokens, and no longer the pairs a reload removed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, tempDir } from '../../_util/relay/fixtures.ts';
import { type Harness, startHarness } from '../../_util/relay/harness.ts';

const LISTING = { status: 200, body: { success: true, message: 'ok', code: 200, data: [] } };
const site = (name: string, pair: string, listToken: string) => ({
  name,
  origins: [`https://${name}.example.com`],
  bots: [pair],
  token: `${name}_upsert_SECRET`,
  listToken,
});

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('the admin listing after a sites reload', () => {
  it('lists a pair added by the reload with its token, and refuses one it removed', async () => {
    const dir = tempDir();
    const file = join(dir.path, 'sites.json');
    const write = (...sites: object[]) => writeFileSync(file, JSON.stringify({ sites }));
    write(site('shop-a', 'botA:custA', 'listA_SECRET_old'));
    h = startHarness({ RELAY_SITES_FILE: file }, {}, dir);
    h.upstream.answerWith(LISTING);
    const list = (pair: string) => {
      const [botId, customerId] = pair.split(':');
      return h?.relay.request(`/v1/leads?botId=${botId}&customerId=${customerId}`, {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      }) as Promise<Response>;
    };
    expect((await list('botA:custA')).status).toBe(200);
    expect((await list('botB:custB')).status).toBe(403);

    write(
      site('shop-a', 'botA:custA', 'listA_SECRET_new'),
      site('shop-b', 'botB:custB', 'listB_SECRET'),
    );
    expect(h.relay.reloadSites()).toBe(true);
    expect((await list('botA:custA')).status).toBe(200);
    expect((await list('botB:custB')).status).toBe(200);

    write(site('shop-b', 'botB:custB', 'listB_SECRET'));
    expect(h.relay.reloadSites()).toBe(true);
    const removed = await list('botA:custA');
    expect(removed.status).toBe(403);
    expect(await removed.json()).toMatchObject({ ok: false, error: 'bot_not_allowed' });
    // With one pair left it is the default, as with one pair from the start.
    const byDefault = await h.relay.request('/v1/leads', {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(byDefault.status).toBe(200);

    expect(
      h.upstream.calls.map((call) => [
        new URL(call.url).searchParams.get('botId'),
        call.headers['x-bot-token'],
      ]),
    ).toEqual([
      ['botA', 'listA_SECRET_old'],
      ['botA', 'listA_SECRET_new'],
      ['botB', 'listB_SECRET'],
      ['botB', 'listB_SECRET'],
    ]);
  });
});
