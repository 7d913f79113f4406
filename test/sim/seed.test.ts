import { describe, expect, it } from 'vitest';
import { countriesByDialCode } from '../../src/shared/dial-codes.ts';
import { chatSchema } from '../../src/shared/eleapi-api.ts';
import { isPossiblePhone } from '../../src/shared/phone-input.ts';
import { makeSim, PAGE1 } from '../_util/sim/sim-test-kit.ts';

const seed = { count: 25, botId: 'bot1', customerId: 'cust1' };

async function allPages(sim: ReturnType<typeof makeSim>, type: string) {
  const chats = [];
  for (let page = 1; ; page++) {
    const { data } = await (await sim.list({ ...PAGE1, type, page: String(page) })).json();
    if (data.length === 0) return chats;
    chats.push(...data);
  }
}

describe('seeded demo chats', () => {
  it('creates exactly N leads plus one contact-less chat per five, for the seeded bot', async () => {
    const sim = makeSim({ seed });
    const leads = await allPages(sim, 'lead');
    expect(leads).toHaveLength(25);
    expect(await allPages(sim, 'non-lead')).toHaveLength(5);
    for (const chat of leads) expect(chatSchema.safeParse(chat).success).toBe(true);
    expect(new Set(leads.map((c) => c._id)).size).toBe(25);
    expect(new Set(leads.map((c) => c.uuid)).size).toBe(25);
  });

  it('gives leads a name, email, phone with prefix, city and tags', async () => {
    const [chat] = await allPages(makeSim({ seed }), 'lead');
    const details = chat.profile.userDetails;
    expect(details.name).not.toBe('');
    expect(details.contact.email).toMatch(/@example\.com$/);
    expect(details.contact.phone.prefix).toMatch(/^\d{1,3}$/);
    expect(details.contact.phone.number).toMatch(/^\d{9,10}$/);
    expect(details.city).not.toBe('');
    expect(details.tags.length).toBeGreaterThan(0);
  });

  it('gives every seeded lead a phone number possible for its dial code', async () => {
    for (const chat of await allPages(makeSim({ seed }), 'lead')) {
      const { number, prefix } = chat.profile.userDetails.contact.phone;
      const countries = countriesByDialCode(`+${prefix}`);
      const possible = countries.some((country) => isPossiblePhone(number, country));
      expect(possible, `${prefix} ${number}`).toBe(true);
    }
  });

  it('seeds the same chats on every run and again after a reset', async () => {
    const summary = (chats: { uuid: string; profile: { userDetails: unknown } }[]) =>
      chats.map((c) => [c.uuid, c.profile.userDetails]);
    const first = summary(await allPages(makeSim({ seed }), 'lead'));
    const sim = makeSim({ seed });
    expect(summary(await allPages(sim, 'lead'))).toEqual(first);
    sim.state.reset();
    expect(summary(await allPages(sim, 'lead'))).toEqual(first);
  });

  it('creates nothing for other bots', async () => {
    const sim = makeSim({ seed });
    const { data } = await (await sim.list({ ...PAGE1, botId: 'other' })).json();
    expect(data).toEqual([]);
  });
});
