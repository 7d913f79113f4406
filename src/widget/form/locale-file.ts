// The per-locale text files next to the form chunk, dist/eleapi-leads.form.<hash>.<locale>.js:
// only the visitor's language is fetched (English ships in the chunk). Each is a plain script,
// like the chunk (strict CSP: no eval, and connect-src may not include the widget's folder).
// vite.config.ts writes them with localeScript; locale-texts.ts loads them.

/** The file announces its texts with this CustomEvent on document, detail [locale, texts]. */
export const LOCALE_EVENT = 'eleapi-leads:form-texts';

/** A file's code. ASCII only (\uXXXX for the rest), as the chunk: no charset can garble it. */
export function localeScript(locale: string, texts: string): string {
  const detail = JSON.stringify([locale, texts]).replace(
    /[^\x20-\x7e]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `document.dispatchEvent(new CustomEvent(${JSON.stringify(LOCALE_EVENT)},{detail:${detail}}));\n`;
}
