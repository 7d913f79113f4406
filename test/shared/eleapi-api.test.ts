import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  apiEnvelopeSchema,
  type Chat,
  chatSchema,
  LEAD_STATUSES,
  type LeadStatus,
  listChatsQuerySchema,
  listChatsResponseSchema,
  type UpsertLeadBody,
  upsertLeadBodySchema,
} from '../../src/shared/eleapi-api.ts';
import seedListing from '../fixtures/seed-listing.json' with { type: 'json' };

const LEAD = { uuid: '7e88d192-9b20-4035-9b68-d4ac3d58a34f', botId: 'b', customerId: 'c' };

describe('eleapi API schemas', () => {
  it("accept the vendor page's sample listing as it is", () => {
    const parsed = listChatsResponseSchema.parse(seedListing);
    expect(parsed).toEqual(seedListing);
    expect(parsed.data[0]?.profile.userDetails.contact?.phone).toEqual({
      number: 'Sample number',
      prefix: '91',
    });
  });

  it('let unknown chat fields through, since the vendor may add some', () => {
    const chat = { ...seedListing.data[0], channel: 'web' };
    expect(chatSchema.parse(chat)).toMatchObject({ channel: 'web' });
  });

  it('refuse a listing whose data is not a list of chats', () => {
    expect(
      listChatsResponseSchema.safeParse({ ...seedListing, data: [{ uuid: 'u' }] }).success,
    ).toBe(false);
    expect(
      listChatsResponseSchema.safeParse({ success: true, message: 'ok', code: 200 }).success,
    ).toBe(false);
  });

  it("accept the upsert's success envelope", () => {
    expect(apiEnvelopeSchema.parse({ success: true, message: 'ok', code: 200 })).toEqual({
      success: true,
      message: 'ok',
      code: 200,
    });
  });

  it('accept an upsert with every documented field, agentId as an id string', () => {
    const body: UpsertLeadBody = {
      ...LEAD,
      agentId: '631aa793bcfa100487d13d0d',
      status: 'DEPENDANCY',
      picture: 'https://cdn.example.com/p.png',
      name: 'Ana',
      email: 'ana@example.com',
      phone: '9876543210',
      dialCode: '+91',
      notes: [{ title: 'Message', description: 'Hi' }],
      tags: ['web'],
      attributes: [{ key: 'ID', value: 'BP001' }],
    };
    expect(upsertLeadBodySchema.parse(body)).toEqual(body);
  });

  it.each([
    ['uuid', { botId: 'b', customerId: 'c' }],
    ['botId', { uuid: 'u', botId: '', customerId: 'c' }],
    ['status', { ...LEAD, status: 'open' }],
    ['picture', { ...LEAD, picture: 'ftp://example.com/p.png' }],
    ['dialCode', { ...LEAD, dialCode: '91' }],
    ['notes', { ...LEAD, notes: [{ title: 'no description' }] }],
  ])('refuse an upsert with a bad %s', (field, body) => {
    const result = upsertLeadBodySchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(field);
  });

  it('require every listing query parameter, page as a positive whole number', () => {
    const query = { botId: 'b', customerId: 'c', page: '1', type: 'lead' };
    expect(listChatsQuerySchema.safeParse(query).success).toBe(true);
    expect(listChatsQuerySchema.safeParse({ ...query, type: 'non-lead' }).success).toBe(true);
    expect(listChatsQuerySchema.safeParse({ ...query, page: '0' }).success).toBe(false);
    expect(listChatsQuerySchema.safeParse({ ...query, page: '01' }).success).toBe(false);
    expect(listChatsQuerySchema.safeParse({ ...query, type: 'leads' }).success).toBe(false);
  });

  it('infer the types the relay and the export use', () => {
    expectTypeOf<LeadStatus>().toEqualTypeOf<(typeof LEAD_STATUSES)[number]>();
    expectTypeOf<UpsertLeadBody['agentId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Chat['_agentAssigned']>().toEqualTypeOf<string | null | undefined>();
    // @ts-expect-error the vendor spells it DEPENDANCY; the correct spelling is not a status.
    const misspelt: LeadStatus = 'DEPENDENCY';
    expect(LEAD_STATUSES).not.toContain(misspelt);
  });
});
