// Each site's tokens reach its own customer's account: the stand-in API of that account accepts
// only them, on the upsert and on the listing (issue 13: "the stand-in API checks which token
// arrives"). A relay that sent one customer's token for another would be refused with 401.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type CustomerAccounts,
  startCustomerAccounts,
} from '../../_util/relay/customer-accounts.ts';
import { ADMIN_TOKEN, tempDir, validLead } from '../../_util/relay/fixtures.ts';
import { type Harness, startHarness } from '../../_util/relay/harness.ts';

const A = { origin: 'https://a.example.com', botId: 'botA', customerId: 'custA' };
const B = { origin: 'https://b.example.com', botId: 'botB', customerId: 'custB' };
const TOKENS = {
  custA: { token: 'upsertA_SECRET_acct', listToken: 'listA_SECRET_acct' },
  custB: { token: 'upsertB_SECRET_acct', listToken: 'listB_SECRET_acct' },
};

let accounts: CustomerAccounts | undefined;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  await accounts?.close();
  h = undefined;
  accounts = undefined;
});

async function start() {
  accounts = await startCustomerAccounts(TOKENS);
  const dir = tempDir();
  const file = join(dir.path, 'sites.json');
  const site = (name: string, s: typeof A) => ({
    name,
    origins: [s.origin],
    bots: [`${s.botId}:${s.customerId}`],
    ...TOKENS[s.customerId as keyof typeof TOKENS],
  });
  writeFileSync(file, JSON.stringify({ sites: [site('shop-a', A), site('shop-b', B)] }));
  h = startHarness({ RELAY_SITES_FILE: file }, { fetch: accounts.fetch }, dir);
  return { relay: h, sims: accounts.sims };
}

const listing = async (relay: Harness, s: typeof A) => {
  const response = await relay.relay.request(
    `/v1/leads?botId=${s.botId}&customerId=${s.customerId}`,
    { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } },
  );
  return {
    status: response.status,
    body: (await response.json()) as { data?: { uuid: string }[] },
  };
};

describe("each customer's account gets that customer's tokens", () => {
  it('delivers each lead to its own account, and lists each account with its own token', async () => {
    const { relay, sims } = await start();
    const leadA = validLead({ botId: A.botId, customerId: A.customerId });
    const leadB = validLead({ botId: B.botId, customerId: B.customerId });
    expect((await relay.post(leadA, { origin: A.origin })).status).toBe(202);
    expect((await relay.post(leadB, { origin: B.origin })).status).toBe(202);
    await expect.poll(() => sims.custA?.received().map((r) => r.body.uuid)).toEqual([leadA.uuid]);
    await expect.poll(() => sims.custB?.received().map((r) => r.body.uuid)).toEqual([leadB.uuid]);

    const listedA = await listing(relay, A);
    const listedB = await listing(relay, B);
    expect(listedA.status).toBe(200);
    expect(listedB.status).toBe(200);
    expect(listedA.body.data?.map((chat) => chat.uuid)).toEqual([leadA.uuid]);
    expect(listedB.body.data?.map((chat) => chat.uuid)).toEqual([leadB.uuid]);
  });
});
