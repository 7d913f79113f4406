// The eleapi API as its vendor page describes it (docs/eleapi-api.md), as zod schemas.
// The relay's client checks what it sends and receives with these; the stand-in API checks
// what it is sent. Vendor quirks kept on purpose: `agentId` is documented as Boolean but is an
// id string; the upsert takes header `x-bp-token`, the listing `x-bot-token`.
import * as z from 'zod/mini';

export const DEFAULT_ELEAPI_API_URL = 'https://api.v7.express-chat.ai';
export const UPSERT_LEAD_PATH = '/inbox/direct/lead';
export const LIST_CHATS_PATH = '/inbox/direct/chats';
export const UPSERT_TOKEN_HEADER = 'x-bp-token';
export const LIST_TOKEN_HEADER = 'x-bot-token';

export const LEAD_STATUSES = [
  'OPEN',
  'INPROGRESS',
  'REVIEW',
  'ONHOLD',
  'DEPENDANCY',
  'CLOSED',
] as const;
export const leadStatusSchema = z.enum(LEAD_STATUSES);
export type LeadStatus = z.infer<typeof leadStatusSchema>;

export const noteSchema = z.object({ title: z.string(), description: z.string() });
export const attributeSchema = z.object({ key: z.string(), value: z.string() });

/** Body of `PUT /inbox/direct/lead`. Required: uuid, botId, customerId. */
export const upsertLeadBodySchema = z.object({
  uuid: z.string().check(z.minLength(1)),
  botId: z.string().check(z.minLength(1)),
  customerId: z.string().check(z.minLength(1)),
  agentId: z.optional(z.string()),
  status: z.optional(leadStatusSchema),
  picture: z.optional(z.url({ protocol: /^https?$/ })),
  name: z.optional(z.string()),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  dialCode: z.optional(z.string().check(z.regex(/^\+\d{1,4}$/))),
  notes: z.optional(z.array(noteSchema)),
  tags: z.optional(z.array(z.string())),
  attributes: z.optional(z.array(attributeSchema)),
});
export type UpsertLeadBody = z.infer<typeof upsertLeadBodySchema>;

/** What both endpoints answer on success (and, with other values, on failure). */
export const apiEnvelopeSchema = z.object({
  success: z.boolean(),
  message: z.string(),
  code: z.number(),
});
export type ApiEnvelope = z.infer<typeof apiEnvelopeSchema>;

/** Query of `GET /inbox/direct/chats`; every parameter is required. */
export const listChatsQuerySchema = z.object({
  botId: z.string().check(z.minLength(1)),
  customerId: z.string().check(z.minLength(1)),
  page: z.string().check(z.regex(/^[1-9]\d*$/)),
  type: z.enum(['lead', 'non-lead']),
});
export type ListChatsQuery = z.infer<typeof listChatsQuerySchema>;

/** One chat of the listing, shaped as the vendor's sample. Unknown extra fields pass through. */
export const chatSchema = z.looseObject({
  _id: z.string(),
  uuid: z.string(),
  createdAt: z.string(),
  isOnline: z.optional(z.boolean()),
  lastMessage: z.optional(z.looseObject({ at: z.string(), by: z.string(), text: z.string() })),
  lastSeenAt: z.optional(z.string()),
  profile: z.looseObject({
    notes: z.optional(z.array(z.looseObject({ title: z.string(), description: z.string() }))),
    userDetails: z.looseObject({
      name: z.optional(z.string()),
      picture: z.optional(z.string()),
      contact: z.optional(
        z.looseObject({
          email: z.optional(z.string()),
          phone: z.optional(
            z.looseObject({ number: z.optional(z.string()), prefix: z.optional(z.string()) }),
          ),
        }),
      ),
      city: z.optional(z.string()),
      country: z.optional(z.string()),
      gender: z.optional(z.string()),
      tags: z.optional(z.array(z.string())),
      attributes: z.optional(z.array(attributeSchema)),
    }),
  }),
  status: z.optional(z.string()),
  updatedAt: z.optional(z.string()),
  websiteVisits: z.optional(z.number()),
  _agentAssigned: z.optional(z.nullable(z.string())),
});
export type Chat = z.infer<typeof chatSchema>;

/** Answer of `GET /inbox/direct/chats`. An empty `data` page means past the last page. */
export const listChatsResponseSchema = z.object({
  success: z.boolean(),
  message: z.string(),
  data: z.array(chatSchema),
  code: z.number(),
});
export type ListChatsResponse = z.infer<typeof listChatsResponseSchema>;
