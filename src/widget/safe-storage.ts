// Web Storage that never throws: privacy modes and sandboxed iframes throw on the
// `sessionStorage` getter itself, on getItem, or (storage full) on setItem.

export interface SafeStorage {
  get(key: string): string | null;
  /** Whether the value was stored. */
  set(key: string, value: string): boolean;
  remove(key: string): void;
  keys(): string[];
}

export function safeStorage(getStorage: () => Storage): SafeStorage {
  const attempt = <T>(use: (storage: Storage) => T, fallback: T): T => {
    try {
      return use(getStorage());
    } catch {
      return fallback;
    }
  };
  return {
    get: (key) => attempt((s) => s.getItem(key), null),
    set: (key, value) =>
      attempt((s) => {
        s.setItem(key, value);
        return true;
      }, false),
    remove: (key) => attempt((s) => s.removeItem(key), undefined),
    keys: () =>
      attempt((s) => Array.from({ length: s.length }, (_, i) => s.key(i) ?? ''), [] as string[]),
  };
}
