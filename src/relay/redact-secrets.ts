// The one rule for keeping token values out of text the relay writes: log lines, kept answers, errors.

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A function that replaces every secret in a text with `[redacted]`, written as given or as
 * JSON escapes it (a log line is JSON).
 */
export function secretRedactor(secrets: readonly (string | undefined)[]): (text: string) => string {
  const forms = new Set(
    secrets.filter((s): s is string => !!s).flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]),
  );
  if (forms.size === 0) return (text) => text;
  // Longest first, so a token that contains another is replaced whole.
  const pattern = new RegExp(
    [...forms]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    'g',
  );
  return (text) => text.replace(pattern, '[redacted]');
}
