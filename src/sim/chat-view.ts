// A stored chat as the listing shows it: exactly the keys of the vendor's sample, in its order.
// Unknown text is "" rather than missing, so every chat has the same shape.
import type { Chat } from '../shared/eleapi-api.ts';
import type { StoredChat } from './chat-store.ts';

/** The listing's phone prefix is the dial code without "+": `"+91"` is shown as `"91"`. */
export function prefixOf(dialCode: string | undefined): string {
  return (dialCode ?? '').replace(/^\+/, '');
}

export function toListedChat(chat: StoredChat): Chat {
  return {
    _id: chat._id,
    uuid: chat.uuid,
    createdAt: chat.createdAt,
    isOnline: false,
    lastMessage: { ...chat.lastMessage },
    lastSeenAt: chat.lastSeenAt,
    profile: {
      notes: chat.notes.map((n) => ({ title: n.title, description: n.description, _id: n._id })),
      userDetails: {
        name: chat.name ?? '',
        picture: chat.picture ?? '',
        contact: {
          email: chat.email ?? '',
          phone: { number: chat.phone ?? '', prefix: prefixOf(chat.dialCode) },
        },
        city: chat.city ?? '',
        country: chat.country ?? '',
        gender: chat.gender ?? '',
        tags: [...chat.tags],
        attributes: chat.attributes.map((a) => ({ key: a.key, value: a.value })),
      },
    },
    status: chat.status ?? 'OPEN',
    updatedAt: chat.updatedAt,
    websiteVisits: chat.websiteVisits,
    _agentAssigned: chat.agentId ?? null,
  };
}
