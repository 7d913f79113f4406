// One demo page = demo/layout.html (what every page shares: head basics, the demo bar) filled
// with the page file's own parts. Plain substitution of static files: no templating library.

/** What a demo/site/*.html page file holds: its `<html …>` tag, `<head>` extras and `<body>`. */
export interface PageParts {
  /** The start tag with the page's lang (and dir), e.g. `<html lang="ar" dir="rtl">`. */
  html: string;
  head: string;
  body: string;
}

const PAGE_FILE =
  /^(?<html><html lang=[^>]+>)\n<head>\n(?<head>[\s\S]*?)\n<\/head>\n<body>\n(?<body>[\s\S]*?)\n<\/body>\n<\/html>\n?$/;

// The demo bar's upstream switch calls /demo/upstream, which the strict-CSP page may not do.
const INDENT = '      ';
const UPSTREAM_SWITCH = [
  '<span>eleapi stand-in: <span class="upstream-state" id="upstream-state">checking…</span></span>',
  '<button type="button" id="upstream-toggle">Make upstream fail</button>',
];
const UPSTREAM_OFF = [
  "<span>The upstream switch is off here: this page's CSP only lets scripts talk to the relay.</span>",
];

/** Splits a page file into its parts; throws naming the file if it is not in that shape. */
export function parsePage(source: string, name: string): PageParts {
  const parts = PAGE_FILE.exec(source)?.groups;
  if (!parts) {
    throw new Error(
      `${name} must be <html lang=…>, <head>…</head> and <body>…</body> only (the layout adds the rest)`,
    );
  }
  return {
    html: parts.html ?? '',
    head: parts.head ?? '',
    body: parts.body ?? '',
  };
}

/** The whole page; `strictCsp` swaps the upstream switch for a note saying why it is off. */
export function renderPage(
  layout: string,
  page: PageParts,
  options: { strictCsp: boolean },
): string {
  const slots: Record<string, string> = {
    html: page.html,
    head: page.head,
    body: page.body,
    upstream: (options.strictCsp ? UPSTREAM_OFF : UPSTREAM_SWITCH)
      .map((line) => INDENT + line)
      .join('\n'),
  };
  // One pass, so nothing a page holds is read as a placeholder in turn.
  return layout.replace(/<!-- slot:([a-z]+) -->/g, (placeholder, name: string) => {
    const value = slots[name];
    if (value === undefined) throw new Error(`the demo layout has an unknown ${placeholder}`);
    return value;
  });
}
