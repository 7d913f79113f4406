// The sim's chats, in memory (a restart forgets them). Upsert by (botId, customerId, uuid) with
// the merge rules we infer from the vendor page: given fields replace, notes are appended,
// tags are a union, attributes are merged by key.
import type { LeadStatus, UpsertLeadBody } from '../shared/eleapi-api.ts';

export interface StoredNote {
  _id: string;
  title: string;
  description: string;
}

export interface StoredChat {
  _id: string;
  uuid: string;
  botId: string;
  customerId: string;
  createdAt: string;
  updatedAt: string;
  lastSeenAt: string;
  agentId?: string;
  status?: LeadStatus;
  picture?: string;
  name?: string;
  email?: string;
  phone?: string;
  dialCode?: string;
  city?: string;
  country?: string;
  gender?: string;
  notes: StoredNote[];
  tags: string[];
  attributes: { key: string; value: string }[];
  lastMessage: { at: string; by: string; text: string };
  websiteVisits: number;
}

export interface ListFilter {
  botId: string;
  customerId: string;
  type: 'lead' | 'non-lead';
}

export interface ChatStore {
  /** Creates or merges the chat; answers whether it was created. */
  upsert(body: UpsertLeadBody): { created: boolean; chat: StoredChat };
  /** Chats of one bot and type, newest first. */
  list(filter: ListFilter): StoredChat[];
  /** Puts a whole chat in as is (demo seeding). */
  insert(chat: StoredChat): void;
  clear(): void;
}

const SCALAR_FIELDS = [
  'agentId',
  'status',
  'picture',
  'name',
  'email',
  'phone',
  'dialCode',
] as const;

// The messenger greets every visitor, so a chat always has a last message.
const GREETING = 'Welcome! How can we help you today?';

/** A chat as the messenger opens it at `at`: greeted by the bot, no contact details yet. */
export function newChat(
  id: Pick<StoredChat, '_id' | 'uuid' | 'botId' | 'customerId'>,
  at: string,
  websiteVisits = 1,
): StoredChat {
  return {
    ...id,
    createdAt: at,
    updatedAt: at,
    lastSeenAt: at,
    notes: [],
    tags: [],
    attributes: [],
    lastMessage: { at, by: 'bot', text: GREETING },
    websiteVisits,
  };
}

/** A lead is a chat with contact details; the vendor's `type=lead` filter. */
export function isLead(chat: StoredChat): boolean {
  return Boolean(chat.name || chat.email || chat.phone);
}

export function createChatStore(deps: { now: () => Date; newId: () => string }): ChatStore {
  const chats = new Map<string, StoredChat>();
  const keyOf = (c: { botId: string; customerId: string; uuid: string }) =>
    `${c.botId}\u0000${c.customerId}\u0000${c.uuid}`;

  function merge(chat: StoredChat, body: UpsertLeadBody, at: string): void {
    for (const field of SCALAR_FIELDS) {
      const value = body[field];
      if (value !== undefined) chat[field] = value as never;
    }
    for (const note of body.notes ?? []) chat.notes.push({ ...note, _id: deps.newId() });
    for (const tag of body.tags ?? []) if (!chat.tags.includes(tag)) chat.tags.push(tag);
    for (const attribute of body.attributes ?? []) {
      const existing = chat.attributes.find((a) => a.key === attribute.key);
      if (existing) existing.value = attribute.value;
      else chat.attributes.push({ ...attribute });
    }
    chat.updatedAt = at;
    chat.lastSeenAt = at;
  }

  return {
    upsert(body) {
      const at = deps.now().toISOString();
      const key = keyOf(body);
      const existing = chats.get(key);
      const chat =
        existing ??
        newChat(
          { _id: deps.newId(), uuid: body.uuid, botId: body.botId, customerId: body.customerId },
          at,
        );
      merge(chat, body, at);
      if (!existing) chats.set(key, chat);
      return { created: !existing, chat };
    },
    list(filter) {
      const wantLeads = filter.type === 'lead';
      const found = [...chats.values()].filter(
        (c) =>
          c.botId === filter.botId && c.customerId === filter.customerId && isLead(c) === wantLeads,
      );
      // Map order is insertion order; reversing first keeps ties newest-inserted first.
      return found.reverse().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    insert(chat) {
      chats.set(keyOf(chat), chat);
    },
    clear() {
      chats.clear();
    },
  };
}
