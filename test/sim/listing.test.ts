import { describe, expect, it } from 'vitest';
import { listChatsResponseSchema } from '../../src/shared/eleapi-api.ts';
import { SIM_PAGE_SIZE } from '../../src/sim/sim-config.ts';
import { LEAD, makeSim, PAGE1 } from '../_util/sim/sim-test-kit.ts';
import seedListing from '../fixtures/seed-listing.json' with { type: 'json' };

/** Every key path of a JSON value, arrays collapsed to their first item: `profile.notes[]._id`. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value))
    return value.length ? keyPaths(value[0], `${prefix}[]`) : [`${prefix}[]`];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      `${prefix}.${k}`,
      ...keyPaths(v, `${prefix}.${k}`),
    ]);
  }
  return [];
}

const uuidOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('GET /inbox/direct/chats', () => {
  it('answers the seed sample shape, key for key and in the same order', async () => {
    const sim = makeSim();
    await sim.upsert({
      ...LEAD,
      name: 'Sample name',
      email: 'a@example.com',
      phone: '9876543210',
      dialCode: '+91',
      notes: [{ title: 'Sample title', description: 'Sample description' }],
      tags: ['Sample tag'],
      attributes: [{ key: 'ID', value: 'BP001' }],
    });
    const body = await (await sim.list(PAGE1)).json();
    expect(keyPaths(body)).toEqual(keyPaths(seedListing));
    expect(listChatsResponseSchema.safeParse(body).success).toBe(true);
  });

  it('shows dialCode "+91" as phone prefix "91" beside the number', async () => {
    const sim = makeSim();
    await sim.upsert({ ...LEAD, phone: '9876543210', dialCode: '+91' });
    const [chat] = (await (await sim.list(PAGE1)).json()).data;
    expect(chat.profile.userDetails.contact.phone).toEqual({ number: '9876543210', prefix: '91' });
  });

  it('answers 401 without x-bot-token, and does not take x-bp-token instead', async () => {
    const sim = makeSim();
    const missing = await sim.list(PAGE1, null);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({
      success: false,
      message: 'x-bot-token header is required',
      code: 401,
    });
    const wrongHeader = await sim.app.request(`/inbox/direct/chats?${new URLSearchParams(PAGE1)}`, {
      headers: { 'x-bp-token': 'test-token' },
    });
    expect(wrongHeader.status).toBe(401);
  });

  it('checks x-bot-token against the list token when one is set apart', async () => {
    const sim = makeSim({ listToken: 'list-only' });
    expect((await sim.list(PAGE1)).status).toBe(401);
    expect((await sim.list(PAGE1, 'list-only')).status).toBe(200);
  });

  it.each(['botId', 'customerId', 'page', 'type'])(
    'answers 400 naming %s when it is missing',
    async (name) => {
      const query: Record<string, string> = { ...PAGE1 };
      delete query[name];
      const res = await makeSim().list(query);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        success: false,
        message: `query parameter ${name} is required`,
        code: 400,
      });
    },
  );

  it.each([
    ['page', '0', 'page must be a whole number from 1'],
    ['page', 'two', 'page must be a whole number from 1'],
    ['type', 'all', 'type must be "lead" or "non-lead"'],
  ])('answers 400 for %s=%s', async (name, value, message) => {
    const res = await makeSim().list({ ...PAGE1, [name]: value });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toBe(message);
  });

  it('lists leads for type=lead and contact-less chats for type=non-lead', async () => {
    const sim = makeSim();
    await sim.upsert({ ...LEAD, uuid: uuidOf(1), email: 'a@example.com' });
    await sim.upsert({ ...LEAD, uuid: uuidOf(2), tags: ['visitor'] });
    const uuids = async (type: string) =>
      (await (await sim.list({ ...PAGE1, type })).json()).data.map((c: { uuid: string }) => c.uuid);
    expect(await uuids('lead')).toEqual([uuidOf(1)]);
    expect(await uuids('non-lead')).toEqual([uuidOf(2)]);
  });

  it('lists only the asked bot and customer', async () => {
    const sim = makeSim();
    await sim.upsert({ ...LEAD, name: 'mine' });
    await sim.upsert({ ...LEAD, uuid: uuidOf(9), customerId: 'someone-else', name: 'theirs' });
    const { data } = await (await sim.list(PAGE1)).json();
    expect(data.map((c: { uuid: string }) => c.uuid)).toEqual([LEAD.uuid]);
  });

  it(`pages newest first, ${SIM_PAGE_SIZE} per page, with an empty page past the last`, async () => {
    const sim = makeSim();
    const total = SIM_PAGE_SIZE + 5;
    for (let i = 1; i <= total; i++) {
      await sim.upsert({ ...LEAD, uuid: uuidOf(i), name: `Lead ${i}` });
      sim.clock.advance(1000);
    }
    const page = async (n: number) =>
      (await (await sim.list({ ...PAGE1, page: String(n) })).json()).data.map(
        (c: { profile: { userDetails: { name: string } } }) => c.profile.userDetails.name,
      );
    const first = await page(1);
    expect(first).toHaveLength(SIM_PAGE_SIZE);
    expect(first[0]).toBe(`Lead ${total}`);
    expect(await page(2)).toEqual(['Lead 5', 'Lead 4', 'Lead 3', 'Lead 2', 'Lead 1']);
    expect(await page(3)).toEqual([]);
  });
});
