// The one rule for text a visitor typed. The shared field schemas apply it, so the relay is the
// authority and the widget, running the same schemas, shows and sends what the relay will keep.
// Removed: what no reader can see but a screen still obeys. Refused: what cannot be repaired.

// Bidi embeddings, overrides and isolates (U+202E makes "Bob \u202Egnp.exe" read
// "Bob exe.png"), zero-width space, word joiner, BOM; and C0/C1 controls and DEL other than
// tab and newline (ESC, NUL...). The joiners U+200C and U+200D stay: Devanagari, Persian and
// emoji sequences need them.
const UNSEEN = /(?![\t\n])[\p{Cc}\u200B\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/gu;

/** Removes the unseen characters and composes accents (NFC); keeps tab and newline (CRLF → LF). */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNSEEN, '').normalize('NFC');
}

/** For one-line fields: a tab or newline that survived cleaning becomes a space. */
export const toOneLine = (text: string): string => text.replace(/[\t\n]/g, ' ');

/**
 * Text without half of a UTF-16 pair missing its other half: such a string is no text, and
 * there is no way to know what was meant. (With the u flag a whole pair is one character.)
 */
export const WELL_FORMED = /^\P{Cs}*$/u;
