// Demo chats for `--seed N`: N leads plus one contact-less chat per five, an hour apart going
// back from now, so the leads page and the export have pages to walk through.
import { LEAD_STATUSES } from '../shared/eleapi-api.ts';
import { newChat, type StoredChat } from './chat-store.ts';

const FIRST = ['Asha', 'Liam', 'Sofia', 'Kenji', 'Amara', 'Mateo', 'Noor', 'Elena', 'Ravi', 'Zoe'];
const LAST = ['Patel', 'Murphy', 'García', 'Tanaka', 'Okafor', 'Silva', 'Haddad', 'Rossi', 'Iyer'];
const PLACES = [
  { city: 'Mumbai', country: 'India', dialCode: '+91', first: '9', digits: 10 },
  { city: 'London', country: 'United Kingdom', dialCode: '+44', first: '7', digits: 10 },
  { city: 'Madrid', country: 'Spain', dialCode: '+34', first: '6', digits: 9 },
  { city: 'Austin', country: 'United States', dialCode: '+1', first: '5', digits: 10 },
  { city: 'Lagos', country: 'Nigeria', dialCode: '+234', first: '8', digits: 10 },
] as const;
const TAGS = ['website', 'pricing', 'support', 'newsletter'];

export interface SeedInput {
  count: number;
  botId: string;
  customerId: string;
  now: Date;
  newId: () => string;
  random: () => number;
}

export function seedChats(input: SeedInput): StoredChat[] {
  const { random } = input;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const wantBare = Math.floor(input.count / 5);
  const chats: StoredChat[] = [];
  let leads = 0;
  let bare = 0;
  for (let i = 0; leads < input.count || bare < wantBare; i++) {
    const at = new Date(input.now.getTime() - (i + 1) * 3_600_000).toISOString();
    const uuid = demoUuid(i, random);
    const chat = newChat(
      { _id: input.newId(), uuid, botId: input.botId, customerId: input.customerId },
      at,
      1 + Math.floor(random() * 4),
    );
    // Every sixth chat is a visitor who never left contact details.
    if ((i % 6 === 5 && bare < wantBare) || leads >= input.count) {
      bare++;
    } else {
      leads++;
      const first = pick(FIRST);
      const last = pick(LAST);
      const place = pick(PLACES);
      chat.name = `${first} ${last}`;
      chat.email = `${first}.${i}@example.com`.toLowerCase();
      chat.phone = Array.from({ length: place.digits - 1 }, () =>
        String(Math.floor(random() * 10)),
      ).reduce((number, digit) => number + digit, place.first);
      chat.dialCode = place.dialCode;
      chat.city = place.city;
      chat.country = place.country;
      chat.status = pick(LEAD_STATUSES);
      chat.tags = [pick(TAGS)];
      chat.attributes = [{ key: 'source', value: 'seed' }];
      chat.notes = [{ _id: input.newId(), title: 'Message', description: 'I would like a quote.' }];
    }
    chats.push(chat);
  }
  return chats;
}

function demoUuid(index: number, random: () => number): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const tail = index.toString(16).padStart(4, '0');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(8)}${tail}`;
}
