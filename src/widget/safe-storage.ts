// Web Storage that never throws: privacy modes and sandboxed iframes throw on the
// `sessionStorage` getter itself, on getItem, or (storage full) on setItem.
import { fallbackOnThrow } from './fallback-on-throw.ts';

export interface SafeStorage {
  get(key: string): string | null;
  /** Whether the value was stored. */
  set(key: string, value: string): boolean;
  remove(key: string): void;
}

/** With the key list too: the chat UUID search needs it (src/widget/form/session-uuid.ts). */
export interface KeyedStorage extends SafeStorage {
  keys(): string[];
}

export const safeStorage = (storage: () => Storage): SafeStorage => ({
  get: (key) => fallbackOnThrow(() => storage().getItem(key), null),
  set: (key, value) =>
    fallbackOnThrow(() => {
      storage().setItem(key, value);
      return true;
    }, false),
  remove: (key) => fallbackOnThrow(() => storage().removeItem(key), undefined),
});

export const keyedStorage = (storage: () => Storage): KeyedStorage => ({
  ...safeStorage(storage),
  keys: () =>
    fallbackOnThrow(() => {
      const store = storage();
      return Array.from({ length: store.length }, (_, index) => store.key(index) ?? '');
    }, []),
});
