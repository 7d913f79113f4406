// JSON that may be anything or nothing (an upstream's answer, storage the host page shares).

/** The parsed value, or `fallback` when `text` is not JSON. */
export function parseJsonOr<T>(text: string, fallback: T): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}
