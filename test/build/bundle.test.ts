// The drop-in bundle as a site loads it: size budget, nothing from the relay, nothing secret,
// no eval, one global. Reads dist/eleapi-leads.js, which `npm test` builds first (vite build).
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLE_CEILING_GZIP_BYTES as CEILING } from '../../bench/bundle-size.ts';

const BUNDLE = new URL('../../dist/eleapi-leads.js', import.meta.url);

if (!existsSync(BUNDLE))
  throw new Error('dist/eleapi-leads.js is missing: run `npx vite build` first');
const code = readFileSync(BUNDLE, 'utf8');
const gzipped = gzipSync(code, { level: 9 }).length;

const windows: Window[] = [];
afterEach(async () => {
  for (const window of windows.splice(0)) await window.happyDOM.close();
});

/** A page with the messenger tag, where the bundle runs as the site's <script> would. */
function loadOnPage(attributes: Record<string, string>) {
  const window = new Window({
    url: 'https://shop.example/',
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
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
  script.textContent = code;
  document.body.append(script);
  const added = Object.keys(window).filter((key) => !keysBefore.has(key));
  return { window, added, errors };
}

describe('dist/eleapi-leads.js', () => {
  // Node zlib level 9; GNU gzip -9 packs ~0.5% tighter. The 14,336-byte target is not
  // met yet: ARCHITECTURE.md "The bundle budget" has the measured floor and the ceiling's reason.
  it(`is ${gzipped} bytes gzipped at level 9, within the ${CEILING}-byte ceiling`, () => {
    console.info(`widget bundle: ${code.length} bytes, ${gzipped} bytes gzip -9`);
    expect(gzipped).toBeLessThanOrEqual(CEILING);
  });

  it.each([
    'hono',
    'better-sqlite3',
    // The relay's phone authority (max metadata, ~150 KB): the widget has its own cheap check.
    'libphonenumber',
    'x-bp-token',
    'x-bot-token',
    'ELEAPI_TOKEN',
    'RELAY_ADMIN_TOKEN',
  ])('holds no relay code or secret name: %s', (name) => {
    expect(code.toLowerCase()).not.toContain(name.toLowerCase());
  });

  it('holds no secret-looking string (long hex or base64 runs)', () => {
    expect(code.match(/[\da-f]{32,}/gi)).toBeNull();
    expect(code.match(/[A-Za-z\d+/]{40,}={0,2}/g)).toBeNull();
  });

  it('evaluates no strings as code (strict CSP without unsafe-eval)', () => {
    expect(code).not.toMatch(/new Function|\beval\(|\bFunction\(/);
  });

  it('is one IIFE that defines no global but EleapiLeads, and mounts the form', () => {
    const { window, added, errors } = loadOnPage({ 'data-relay-url': 'https://relay.example.com' });
    // One expression statement: `(function(){…})();` or terser's `!function(){…}();`.
    expect(code.trim()).toMatch(
      /^(\(function\(\)\{|!function\(\)\{)[\s\S]*\}(\(\)\)|\)\(\)|\(\));?$/,
    );
    expect(errors).toEqual([]);
    expect(added).toEqual(['EleapiLeads']);
    const api = (window as unknown as { EleapiLeads: Record<string, unknown> }).EleapiLeads;
    expect(Object.keys(api).sort()).toEqual(
      ['close', 'destroy', 'off', 'on', 'open', 'prefill', 'push', 'version'].sort(),
    );
    expect(window.document.querySelectorAll('eleapi-lead-form')).toHaveLength(1);
  });

  it('shows no form and defines nothing without data-relay-url, saying why once', () => {
    const { window, added, errors } = loadOnPage({});
    expect(added).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('data-relay-url');
    expect(window.document.querySelector('eleapi-lead-form')).toBeNull();
  });

  it('checks fields with its bundled zod schemas before it posts the lead', async () => {
    const { window } = loadOnPage({
      'data-relay-url': 'https://relay.example.com',
      'data-mode': 'inline',
    });
    const posted: unknown[] = [];
    window.fetch = (async (_url: string, init: { body: string }) => {
      posted.push(JSON.parse(init.body));
      return new window.Response('{"ok":true,"id":"1"}', { status: 202 });
    }) as never;
    const host = window.document.querySelector('eleapi-lead-form');
    const root = host?.shadowRoot as unknown as ShadowRoot;
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

  it('removes the form and the global on destroy', () => {
    const { window } = loadOnPage({ 'data-relay-url': 'https://relay.example.com' });
    (window as unknown as { EleapiLeads: { destroy(): void } }).EleapiLeads.destroy();
    expect(Object.keys(window)).not.toContain('EleapiLeads');
    expect(window.document.querySelector('eleapi-lead-form')).toBeNull();
  });
});
