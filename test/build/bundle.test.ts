// The drop-in widget as a site loads it: the loader dist/eleapi-leads.js, the form chunk
// dist/eleapi-leads.form.<hash>.js it fetches, and the chunk's locale files and pieces beside it.
// Byte budgets (bench/bundle-size.ts), nothing from the relay, nothing secret, no eval, one
// global. `npm test` builds them first (vite build).
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ALL_JS_BUDGET_GZIP_BYTES,
  ALL_JS_CEILING_GZIP_BYTES,
  gzipBytes,
  LOADER_BUDGET_GZIP_BYTES,
  LOADER_CEILING_GZIP_BYTES,
  LOCALE_FILE_CEILING_GZIP_BYTES,
  localeFiles,
  PIECE_CEILING_GZIP_BYTES,
  pieceFiles,
  widgetFiles,
} from '../../bench/bundle-size.ts';
import { LOCALE_CODES } from '../../src/widget/loader/locale-codes.ts';
import { PIECE_EVENT } from '../../src/widget/pieces/piece-file.ts';
import { FORM_PIECES, formHash } from '../../vite.config.ts';

const DIST = resolve(import.meta.dirname, '../../dist');
const files = widgetFiles(DIST);
if (!files) throw new Error('dist/eleapi-leads.js is missing: run `npx vite build` first');
const loader = readFileSync(files.loader, 'utf8');
const chunkPath = files.chunks.find((path) => loader.includes(`"${basename(path)}"`));
if (!chunkPath) throw new Error('the loader names no form chunk in dist/: run `npx vite build`');
const chunkName = basename(chunkPath);
const chunk = readFileSync(chunkPath, 'utf8');
const locales = Object.entries(localeFiles(chunkPath)).map(([locale, path]) => {
  const code = readFileSync(path, 'utf8');
  return { locale, name: basename(path), code, gzip: gzipBytes(code) };
});
const pieces = Object.entries(pieceFiles(chunkPath)).map(([name, path]) => {
  const code = readFileSync(path, 'utf8');
  return { name, file: basename(path), code, gzip: gzipBytes(code) };
});
const loaderGzip = gzipBytes(loader);
// The visitor who fetches the most: the largest locale file (English needs none).
const largestLocale = Math.max(...locales.map((file) => file.gzip));
const allGzip = loaderGzip + gzipBytes(chunk) + largestLocale;

const windows: Window[] = [];
afterEach(async () => {
  for (const window of windows.splice(0)) await window.happyDOM.close();
});

/** A page with the messenger tag that loads the loader by URL, dist/ served as /js/. */
function loadOnPage(attributes: Record<string, string>) {
  const window = new Window({
    url: 'https://shop.example/',
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      fetch: { virtualServers: [{ url: 'https://shop.example/js/', directory: DIST }] },
    },
  });
  windows.push(window);
  const { document } = window;
  document.body.innerHTML =
    '<script id="eleapi-messenger-widget" type="text/plain">bot1,cust1</script>';
  const keysBefore = new Set(Object.keys(window));
  const errors: unknown[] = [];
  window.console.error = (...args: unknown[]) => errors.push(args.join(' '));
  const script = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  script.src = 'https://shop.example/js/eleapi-leads.js';
  document.body.append(script);
  const added = () => Object.keys(window).filter((key) => !keysBefore.has(key));
  return { window, added, errors };
}

type Api = Record<string, (...args: unknown[]) => unknown>;
const apiOf = (window: Window) => (window as unknown as { EleapiLeads: Api }).EleapiLeads;

describe('the widget files in dist/', () => {
  // The ratchets hold the sizes reached; the budgets are the goal (bench/bundle-size.ts).
  it(`loader: ${loaderGzip} bytes gzipped at level 9, within the ${LOADER_CEILING_GZIP_BYTES} ratchet`, () => {
    console.info(
      `loader: ${loader.length} bytes, ${loaderGzip} gzip -9 (budget ${LOADER_BUDGET_GZIP_BYTES}); with chunk ${allGzip} (budget ${ALL_JS_BUDGET_GZIP_BYTES})`,
    );
    expect(loaderGzip).toBeLessThanOrEqual(LOADER_CEILING_GZIP_BYTES);
  });

  it(`all JS once the form is open (largest locale file ${largestLocale}): ${allGzip} bytes gzipped, within the ${ALL_JS_CEILING_GZIP_BYTES} ratchet`, () => {
    expect(allGzip).toBeLessThanOrEqual(ALL_JS_CEILING_GZIP_BYTES);
  });

  it('names the form chunk by the hash of its code, its locale files and its pieces, so all are cached for good', () => {
    const beside = [...locales.map(({ locale, code }) => ({ name: locale, code })), ...pieces];
    const hash = formHash(chunk, beside);
    expect(chunkName).toBe(`eleapi-leads.form.${hash}.js`);
  });

  for (const name of Object.keys(FORM_PIECES)) {
    const piece = pieces.find((file) => file.name === name);
    const ceiling = PIECE_CEILING_GZIP_BYTES[name] ?? 0;
    it(`piece "${name}": ${piece?.gzip} bytes gzipped, named after the chunk, within its ${ceiling} ceiling`, () => {
      expect(piece?.file).toBe(chunkName.replace(/\.js$/, `.${name}.js`));
      expect(piece?.gzip).toBeLessThanOrEqual(ceiling);
    });
  }

  it('has no piece but the built ones beside the chunk', () => {
    expect(pieces.map((file) => file.name)).toEqual(Object.keys(FORM_PIECES).sort());
  });

  it.each(pieces.map((file) => [file.name, file.code] as const))(
    'piece "%s" carries no Preact, zod or dial table, and only announces itself: no global',
    async (name, code) => {
      for (const marker of ['ZodError', 'zod', 'http://www.w3.org/2000/svg', '__H', '+971']) {
        expect(code).not.toContain(marker);
      }
      const window = new Window({
        url: 'https://shop.example/',
        settings: {
          enableJavaScriptEvaluation: true,
          suppressInsecureJavaScriptEnvironmentWarning: true,
        },
      });
      windows.push(window);
      const keysBefore = new Set(Object.keys(window));
      const heard: unknown[] = [];
      window.document.addEventListener(PIECE_EVENT, (event) =>
        heard.push((event as unknown as CustomEvent<[string, unknown]>).detail[0]),
      );
      const script = window.document.createElement('script');
      script.textContent = code;
      window.document.head.append(script);
      expect(heard).toEqual([name]);
      expect(Object.keys(window).filter((key) => !keysBefore.has(key))).toEqual([]);
    },
  );

  it('has one file per built-in locale but English, named after the chunk, each within its ceiling', () => {
    expect(locales.map((file) => file.locale)).toEqual(
      LOCALE_CODES.filter((code) => code !== 'en').sort(),
    );
    for (const file of locales) {
      expect(file.name).toBe(chunkName.replace(/\.js$/, `.${file.locale}.js`));
      expect(file.gzip, file.name).toBeLessThanOrEqual(LOCALE_FILE_CEILING_GZIP_BYTES);
      // One statement announcing its texts; ASCII only, as the chunk (vite.config.ts).
      expect(file.code).toMatch(
        new RegExp(
          `^document\\.dispatchEvent\\(new CustomEvent\\("eleapi-leads:form-texts",\\{detail:\\["${file.locale}","[^"]+"\\]\\}\\)\\);\\n$`,
        ),
      );
      expect(file.code).toMatch(/^[\x20-\x7e\n]+$/);
      expect(file.code).not.toMatch(/new Function|\beval\(|\bFunction\(/);
      expect(file.code.match(/[\da-f]{32,}/gi)).toBeNull();
    }
  });

  it('keeps Preact, zod and the dial table out of the loader', () => {
    expect(chunk).toContain('ZodError');
    expect(chunk).toContain('http://www.w3.org/2000/svg');
    for (const marker of ['ZodError', 'zod', 'http://www.w3.org/2000/svg', '__H', 'Intl.Locale']) {
      expect(loader).not.toContain(marker);
    }
  });

  it('keeps the proof-of-work solver in its piece: the loader only asks the chunk for a proof', () => {
    expect(pieces.find((file) => file.name === 'pow')?.code).toContain('subtle.digest');
    expect(chunk).not.toContain('subtle');
    expect(loader).not.toContain('subtle');
  });

  it('keeps the owner questions’ checker and data-open’s scheduler out of the chunk', () => {
    expect(pieces.find((file) => file.name === 'fields')?.code).toContain('is not valid JSON');
    expect(pieces.find((file) => file.name === 'open')?.code).toContain('mouseout');
    expect(chunk).not.toContain('is not valid JSON');
    expect(chunk).not.toContain('mouseout');
  });

  for (const [name, code] of [
    ['loader', loader],
    ['form chunk', chunk],
    ...pieces.map((file) => [`piece "${file.name}"`, file.code] as const),
  ] as const) {
    it.each([
      'hono',
      'better-sqlite3',
      // The relay's phone authority (max metadata, ~150 KB): the widget has its own cheap check.
      'libphonenumber',
      'x-bp-token',
      'x-bot-token',
      'ELEAPI_TOKEN',
      'RELAY_ADMIN_TOKEN',
    ])(`${name} holds no relay code or secret name: %s`, (word) => {
      expect(code.toLowerCase()).not.toContain(word.toLowerCase());
    });

    it(`${name} holds no secret-looking string (long hex or base64 runs)`, () => {
      expect(code.match(/[\da-f]{32,}/gi)).toBeNull();
      expect(code.match(/[A-Za-z\d+/]{40,}={0,2}/g)).toBeNull();
    });

    it(`${name} evaluates no strings as code and sets no inline style (strict CSP)`, () => {
      expect(code).not.toMatch(/new Function|\beval\(|\bFunction\(/);
      expect(code).not.toMatch(/\.style\s*=|setAttribute\("style"|createElement\("style"\)/);
    });

    it(`${name} is one IIFE`, () => {
      // One expression statement: `(function(){…})();`, `(()=>{…})();` or `!function(){…}();`; a
      // piece with nothing to keep private may be the bare announcement (terser unwraps it).
      expect(code.trim()).toMatch(
        /^((\(function\(\)\{|!function\(\)\{|\(\(\)=>\{)[\s\S]*\}\)?\(\)\)?|document\.dispatchEvent\([\s\S]*\))\)?;?$/,
      );
    });
  }
});

describe('dist/eleapi-leads.js on a page', () => {
  it('defines no global but EleapiLeads, draws the launcher, and fetches the form on open', async () => {
    const { window, added, errors } = loadOnPage({ 'data-relay-url': 'https://relay.example.com' });
    await window.happyDOM.waitUntilComplete();
    expect(errors).toEqual([]);
    expect(added()).toEqual(['EleapiLeads']);
    expect(Object.keys(apiOf(window)).sort()).toEqual(
      ['close', 'destroy', 'off', 'on', 'open', 'prefill', 'push', 'version'].sort(),
    );
    const hosts = window.document.querySelectorAll('eleapi-lead-form');
    expect(hosts).toHaveLength(1);
    const root = hosts[0]?.shadowRoot;
    expect(root?.querySelector('.launcher')?.textContent).toBe('Contact us');
    apiOf(window).open?.();
    await window.happyDOM.waitUntilComplete();
    expect(root?.querySelector('[role="dialog"] [name="email"]')).not.toBeNull();
    // The chunk's <script> is gone once it ran: nothing stays outside the widget's element.
    expect(window.document.querySelectorAll('script[src*="form"]')).toHaveLength(0);
    expect(added()).toEqual(['EleapiLeads']);
  });

  it('shows the form in the tag’s language, from its locale file beside the chunk', async () => {
    const { window, added, errors } = loadOnPage({
      'data-relay-url': 'https://relay.example.com',
      'data-locale': 'de',
    });
    await window.happyDOM.waitUntilComplete();
    apiOf(window).open?.();
    await window.happyDOM.waitUntilComplete();
    const root = window.document.querySelector('eleapi-lead-form')?.shadowRoot;
    expect(root?.querySelector('[type="submit"]')?.textContent).toBe('Senden');
    expect(window.document.querySelectorAll('script[src*="form"]')).toHaveLength(0);
    // Opening asks the (unreachable) relay for a proof of work: only that may be said.
    expect(errors.filter((error) => !String(error).includes('relay.example.com'))).toEqual([]);
    expect(added()).toEqual(['EleapiLeads']);
  });

  it('shows no form and defines nothing without data-relay-url, saying why once', async () => {
    const { window, added, errors } = loadOnPage({});
    await window.happyDOM.waitUntilComplete();
    expect(added()).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('data-relay-url');
    expect(window.document.querySelector('eleapi-lead-form')).toBeNull();
  });

  it('checks fields with the chunk’s zod schemas before it posts the lead', async () => {
    const { window } = loadOnPage({
      'data-relay-url': 'https://relay.example.com',
      'data-mode': 'inline',
    });
    await window.happyDOM.waitUntilComplete();
    const posted: unknown[] = [];
    window.fetch = (async (_url: string, init: { body: string }) => {
      posted.push(JSON.parse(init.body));
      return new window.Response('{"ok":true,"id":"1"}', { status: 202 });
    }) as never;
    const root = window.document.querySelector('eleapi-lead-form')
      ?.shadowRoot as unknown as ShadowRoot;
    await window.happyDOM.waitUntilComplete();
    const input = (name: string) =>
      root.querySelector(`[name="${name}"]`) as unknown as HTMLInputElement;
    const send = () => (root.querySelector('[type="submit"]') as unknown as HTMLElement).click();

    input('name').value = 'Ada Lovelace';
    input('email').value = 'ada@';
    send();
    expect(input('email').getAttribute('aria-invalid')).toBe('true');
    expect(input('name').hasAttribute('aria-invalid')).toBe(false);
    input('name').value = 'x'.repeat(121);
    input('email').value = 'ada@example.com';
    send();
    expect(input('name').getAttribute('aria-invalid')).toBe('true');
    expect(posted).toEqual([]);

    input('name').value = 'Ada Lovelace';
    send();
    await window.happyDOM.waitUntilComplete();
    expect(posted).toEqual([
      expect.objectContaining({ name: 'Ada Lovelace', email: 'ada@example.com', website: '' }),
    ]);
  });

  it('removes the form and the global on destroy', async () => {
    const { window } = loadOnPage({ 'data-relay-url': 'https://relay.example.com' });
    await window.happyDOM.waitUntilComplete();
    apiOf(window).destroy?.();
    expect(Object.keys(window)).not.toContain('EleapiLeads');
    expect(window.document.querySelector('eleapi-lead-form')).toBeNull();
  });
});
