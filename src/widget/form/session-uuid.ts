// Finds the chat session UUID the eleapi messenger keeps in "the local web session storage"
// (the vendor's words fit sessionStorage and localStorage alike), so the lead attaches to the
// visitor's chat (docs/contract.md §3).
import { parseJsonOr } from '../../shared/parse-json.ts';
import type { KeyedStorage } from '../safe-storage.ts';

/** Where the widget keeps a UUID it made, so later submits in the session update the same lead. */
export const OWN_UUID_KEY = 'eleapi-leads:uuid';
const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;

/** A UUID stored as itself, or as JSON holding a `uuid` field that is one. */
export function uuidIn(value: string | null): string | undefined {
  const text = value?.trim() ?? '';
  const found = UUID.test(text) ? text : (parseJsonOr(text, undefined) as { uuid?: unknown })?.uuid;
  return typeof found === 'string' && UUID.test(found) ? found : undefined;
}

/**
 * The messenger's UUID, looked for in each storage in turn (sessionStorage, then localStorage),
 * each by the same rules: the named key first, then any key whose name contains "uuid".
 */
export function findChatUuid(storages: KeyedStorage[], uuidKey?: string): string | undefined {
  for (const storage of storages) {
    const keys = storage.keys().filter((key) => /uuid/i.test(key) && key !== OWN_UUID_KEY);
    for (const key of uuidKey === undefined ? keys : [uuidKey, ...keys]) {
      const found = uuidIn(storage.get(key));
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The UUID to submit with, looked up at each submit: the messenger may create its UUID after
 * the widget loaded. Without one, a new UUID is made once and kept (in memory too, for when
 * storage refuses it) so later submits update the same lead.
 */
export function sessionUuidSource(
  storages: { session: KeyedStorage; local: KeyedStorage },
  uuidKey: string | undefined,
  randomUUID: () => string,
): () => string {
  const { session, local } = storages;
  let made: string | undefined;
  return () => {
    // Our own key last: once the messenger has a chat UUID, the lead belongs to that chat.
    const found = findChatUuid([session, local], uuidKey) ?? uuidIn(session.get(OWN_UUID_KEY));
    if (found) return found;
    made ??= randomUUID();
    session.set(OWN_UUID_KEY, made);
    return made;
  };
}

/** crypto.randomUUID exists only in secure contexts; getRandomValues works on http pages too. */
export function randomUuid(crypto: Crypto): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  // RFC 4122 version 4: each 0/1/8 of the template becomes a random hex digit, 4 stays the
  // version and 8 takes the variant bits.
  const bytes = crypto.getRandomValues(new Uint8Array(31));
  let at = 0;
  return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
    (+c ^ ((bytes[at++] as number) & (15 >> (+c / 4)))).toString(16),
  );
}
