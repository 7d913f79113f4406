import { describe, expect, it, vi } from 'vitest';
import {
  findChatUuid,
  OWN_UUID_KEY,
  randomUuid,
  sessionUuidSource,
  uuidIn,
} from '../../../src/widget/form/session-uuid.ts';
import { keyedStorage } from '../../../src/widget/safe-storage.ts';
import { memoryStorage, throwingStorage } from '../../_util/widget/widget-fakes.ts';

const CHAT = '7e88d192-9b20-4035-9b68-d4ac3d58a34f';
const OTHER = '0b4c3f0e-1d2a-4c5b-8e9f-a1b2c3d4e5f6';
const MADE = '11111111-2222-4333-8444-555555555555';
const UUID_V4 = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/;

const storageOf = (entries: Record<string, string>) => keyedStorage(() => memoryStorage(entries));

describe('uuidIn', () => {
  it.each([
    [CHAT, CHAT],
    [` ${CHAT.toUpperCase()} `, CHAT.toUpperCase()],
    [JSON.stringify({ uuid: CHAT, open: true }), CHAT],
    [JSON.stringify({ uuid: 'nope' }), undefined],
    [JSON.stringify([CHAT]), undefined],
    ['null', undefined],
    ['{broken', undefined],
    [null, undefined],
  ])('finds the UUID in %j → %j', (value, expected) => {
    expect(uuidIn(value)).toBe(expected);
  });
});

describe('findChatUuid in one storage', () => {
  it('reads the key named by data-uuid-key first', () => {
    const storage = storageOf({ 'chat-uuid': OTHER, session: JSON.stringify({ uuid: CHAT }) });
    expect(findChatUuid([storage], 'session')).toBe(CHAT);
  });

  it('falls back to any key containing "uuid" when the named key holds none', () => {
    expect(findChatUuid([storageOf({ bp_ChatUUID: CHAT })], 'missing')).toBe(CHAT);
  });

  it('finds a UUID in any key whose name contains uuid, in any case', () => {
    expect(findChatUuid([storageOf({ theme: OTHER, 'eleapi.UUID': CHAT })])).toBe(CHAT);
    expect(findChatUuid([storageOf({ x_uuid: JSON.stringify({ uuid: CHAT }) })])).toBe(CHAT);
  });

  it('ignores keys without "uuid" in the name and values that are not UUIDs', () => {
    expect(findChatUuid([storageOf({ session: CHAT, uuid: 'abc' })])).toBeUndefined();
  });

  it('never takes the UUID the widget made for a chat UUID', () => {
    expect(findChatUuid([storageOf({ [OWN_UUID_KEY]: OTHER })])).toBeUndefined();
  });
});

describe('the chat UUID in sessionStorage, then localStorage', () => {
  const source = (session: Record<string, string>, local: Record<string, string>, key?: string) =>
    sessionUuidSource({ session: storageOf(session), local: storageOf(local) }, key, () => MADE);

  it('finds it in sessionStorage', () => {
    expect(source({ chat_uuid: CHAT }, {})()).toBe(CHAT);
  });

  it('finds it in localStorage when sessionStorage has none', () => {
    expect(source({}, { chat_uuid: CHAT })()).toBe(CHAT);
    expect(source({}, { widget: JSON.stringify({ uuid: CHAT }) }, 'widget')()).toBe(CHAT);
  });

  it('takes the sessionStorage one when the page has both', () => {
    expect(source({ chat_uuid: CHAT }, { chat_uuid: OTHER })()).toBe(CHAT);
    // sessionStorage first with every rule, even a named key that only localStorage holds.
    expect(source({ other_uuid: CHAT }, { named: OTHER }, 'named')()).toBe(CHAT);
  });

  it('prefers the messenger’s UUID in localStorage over one the widget made earlier', () => {
    expect(source({ [OWN_UUID_KEY]: OTHER }, { chat_uuid: CHAT })()).toBe(CHAT);
  });

  it('reads localStorage when sessionStorage throws, and sessionStorage when localStorage does', () => {
    const local = sessionUuidSource(
      { session: keyedStorage(throwingStorage), local: storageOf({ chat_uuid: CHAT }) },
      undefined,
      () => MADE,
    );
    expect(local()).toBe(CHAT);
    const session = sessionUuidSource(
      { session: storageOf({ chat_uuid: CHAT }), local: keyedStorage(throwingStorage) },
      undefined,
      () => MADE,
    );
    expect(session()).toBe(CHAT);
  });
});

describe('sessionUuidSource', () => {
  it('makes a UUID once, stores it under its own key and reuses it', () => {
    const backing = memoryStorage();
    const randomUUID = vi.fn(() => MADE);
    const next = sessionUuidSource(
      { session: keyedStorage(() => backing), local: storageOf({}) },
      undefined,
      randomUUID,
    );
    expect(next()).toBe(MADE);
    expect(next()).toBe(MADE);
    expect(backing.getItem(OWN_UUID_KEY)).toBe(MADE);
    expect(randomUUID).toHaveBeenCalledOnce();
  });

  it('switches to the chat UUID once the messenger creates one after load', () => {
    const backing = memoryStorage();
    const next = sessionUuidSource(
      { session: keyedStorage(() => backing), local: storageOf({}) },
      undefined,
      () => MADE,
    );
    expect(next()).toBe(MADE);
    backing.setItem('chat_uuid', CHAT);
    expect(next()).toBe(CHAT);
  });

  it('keeps working, with a stable UUID, when every storage call throws', () => {
    const throwing = keyedStorage(throwingStorage);
    const next = sessionUuidSource({ session: throwing, local: throwing }, 'key', () => MADE);
    expect(next()).toBe(MADE);
    expect(next()).toBe(MADE);
  });

  it('keeps working when the storage getters themselves throw', () => {
    const getter = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    let made = 0;
    const next = sessionUuidSource(
      { session: keyedStorage(getter), local: keyedStorage(getter) },
      undefined,
      () => `${MADE.slice(0, -1)}${++made}`,
    );
    expect(next()).toBe(`${MADE.slice(0, -1)}1`);
    expect(next()).toBe(`${MADE.slice(0, -1)}1`);
  });
});

describe('randomUuid', () => {
  it('uses crypto.randomUUID where the page is a secure context', () => {
    expect(randomUuid({ randomUUID: () => MADE } as unknown as Crypto)).toBe(MADE);
  });

  it('builds a version 4 UUID from getRandomValues on insecure pages', () => {
    const insecure = { getRandomValues: crypto.getRandomValues.bind(crypto) } as Crypto;
    const made = new Set(Array.from({ length: 50 }, () => randomUuid(insecure)));
    expect(made.size).toBe(50);
    for (const uuid of made) expect(uuid).toMatch(UUID_V4);
  });
});

describe('keyedStorage', () => {
  it('says whether a write was kept', () => {
    const backing = memoryStorage();
    const storage = keyedStorage(() => backing);
    expect(storage.set('a', '1')).toBe(true);
    backing.full = true;
    expect(storage.set('b', '2')).toBe(false);
    expect(storage.keys()).toEqual(['a']);
    storage.remove('a');
    expect(storage.get('a')).toBeNull();
  });

  it('answers empty instead of throwing', () => {
    const storage = keyedStorage(throwingStorage);
    expect(storage.get('a')).toBeNull();
    expect(storage.set('a', '1')).toBe(false);
    expect(storage.keys()).toEqual([]);
    expect(() => storage.remove('a')).not.toThrow();
  });
});
