// HTML for browser-test pages: a site with the messenger tag and the widget tag, the way a
// site owner pastes them (docs/contract.md §2). Attribute values are escaped; tests pass plain
// text.

/** The bot pair of test pages; the relay under test allows exactly this one. */
export const TEST_BOT = { botId: 'bot-test-1', customerId: 'cust-test-1' };

/** The sessionStorage key the demo's messenger stand-in keeps the chat UUID under. */
export const STAND_IN_UUID_KEY = 'eleapi-chat-uuid';

/** The strictest policy the widget works under: its own files, its styles, and the relay. */
export const strictCsp = (relayUrl: string) =>
  `default-src 'self'; style-src 'self'; script-src 'self'; connect-src ${relayUrl}`;

/**
 * How the page loads the widget tag, as real sites do: `defer` (the README's snippet), a plain
 * blocking tag, `async`, or a tag a script creates (tag managers).
 */
export type TagLoading = 'defer' | 'blocking' | 'async' | 'injected';
export const TAG_LOADINGS: TagLoading[] = ['defer', 'blocking', 'async', 'injected'];

export interface WidgetPageOptions {
  relayUrl: string;
  /** `data-*` attributes of the widget tag, without the `data-` prefix. */
  data?: Record<string, string>;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** Extra markup in <head> before the tags (stylesheets, a pre-load queue script). */
  head?: string;
  /** Page content; the widget tag goes at the end of <head>. */
  body?: string;
  /** Include the messenger stand-in tag (default true). */
  messenger?: boolean;
  /** How the widget tag loads (default `defer`). */
  loading?: TagLoading;
}

export function escapeAttribute(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

export function widgetTag(
  relayUrl: string,
  data: Record<string, string> = {},
  loading: TagLoading = 'defer',
): string {
  const all = { 'relay-url': relayUrl, ...data };
  if (loading === 'injected') {
    // JSON of the attributes, with "<" escaped so no value can close this inline script.
    const names = JSON.stringify(all).replaceAll('<', '\\u003c');
    return `<script>(() => {
  const tag = document.createElement('script');
  tag.src = '/eleapi-leads.js';
  for (const [name, value] of Object.entries(${names})) tag.setAttribute('data-' + name, value);
  document.head.append(tag);
})();</script>`;
  }
  const attributes = Object.entries(all)
    .map(([name, value]) => ` data-${name}="${escapeAttribute(value)}"`)
    .join('');
  const flag = loading === 'blocking' ? '' : ` ${loading}`;
  return `<script src="/eleapi-leads.js"${attributes}${flag}></script>`;
}

export function widgetPage(options: WidgetPageOptions): string {
  const messenger =
    options.messenger === false
      ? ''
      : `<script id="eleapi-messenger-widget" src="/messenger-stand-in.js" defer>${TEST_BOT.botId},${TEST_BOT.customerId}</script>`;
  const dir = options.dir ? ` dir="${options.dir}"` : '';
  return `<!doctype html>
<html lang="${options.lang ?? 'en'}"${dir}>
<head>
<meta charset="utf-8">
<title>Test shop</title>
${options.head ?? ''}
${messenger}
${widgetTag(options.relayUrl, options.data, options.loading)}
</head>
<body>
<main><h1>Test shop</h1>${options.body ?? '<p>Welcome.</p>'}</main>
</body>
</html>`;
}
