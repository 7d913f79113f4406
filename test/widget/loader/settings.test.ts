import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { completeSettings } from '../../../src/widget/form-settings.ts';
import type { LocaleCode } from '../../../src/widget/loader/locale-codes.ts';
import { captureAttributes, parseSettings } from '../../../src/widget/loader/settings.ts';
import { widgetSettings } from '../../_util/widget/widget-fakes.ts';

const RELAY = { 'data-relay-url': 'https://relay.example.com' };
let report: ReturnType<typeof vi.fn<(message: string) => void>>;

/** The tag read as a visitor's page reads it: the loader's settings, completed by the chunk. */
function parse(attrs: Record<string, string>, languages: string[] = ['en-US', 'en']) {
  const all = { ...RELAY, ...attrs };
  const base = parseSettings(all, {
    document,
    navigator: { language: languages[0] ?? '', languages },
    report,
  });
  return base && completeSettings(base, all, document, report);
}

beforeEach(() => {
  report = vi.fn();
  document.body.innerHTML = '';
  const messenger = document.createElement('script');
  messenger.id = 'eleapi-messenger-widget';
  messenger.type = 'text/plain';
  messenger.textContent = '\n  bot_1 ,\n  cust-9  \n';
  document.body.append(messenger);
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('parseSettings with only data-relay-url', () => {
  it('applies every default and reads the ids from the messenger tag', () => {
    // The ids come from the messenger tag; the fixture's inline mode and UK are not defaults.
    expect(parse({})).toEqual(
      widgetSettings({
        botId: 'bot_1',
        customerId: 'cust-9',
        mode: 'floating',
        defaultCountry: undefined,
      }),
    );
    expect(report).not.toHaveBeenCalled();
  });
});

describe('data-relay-url', () => {
  it.each([
    ['https://relay.example.com/', 'https://relay.example.com'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    [' https://example.com/leads-relay// ', 'https://example.com/leads-relay'],
  ])('accepts %j as %j', (raw, expected) => {
    expect(parse({ 'data-relay-url': raw })?.relayUrl).toBe(expected);
  });

  it.each([
    ['missing', undefined, 'data-relay-url is missing'],
    ['relative', '/relay', 'data-relay-url "/relay" is invalid'],
    ['not http', 'javascript:alert(1)', 'is invalid'],
    ['ftp', 'ftp://relay.example.com', 'is invalid'],
  ])('shows no form and one error when %s', (_, raw, message) => {
    const attrs: Record<string, string> = {};
    if (raw !== undefined) attrs['data-relay-url'] = raw;
    expect(parseSettings(attrs, { document, navigator: {}, report })).toBeUndefined();
    expect(report).toHaveBeenCalledOnce();
    expect(report.mock.calls[0]?.[0]).toContain(message);
    expect(report.mock.calls[0]?.[0]).toContain('absolute http(s) URL');
  });
});

describe('bot and customer ids', () => {
  it('prefers data-bot-id and data-customer-id over the messenger tag', () => {
    expect(parse({ 'data-bot-id': 'B2', 'data-customer-id': 'C2' })).toMatchObject({
      botId: 'B2',
      customerId: 'C2',
    });
  });

  it('takes the messenger tag from data-messenger-selector', () => {
    const other = document.createElement('div');
    other.className = 'bot';
    other.textContent = 'X1,Y1';
    document.body.append(other);
    expect(parse({ 'data-messenger-selector': 'div.bot' })).toMatchObject({
      botId: 'X1',
      customerId: 'Y1',
    });
  });

  it('mixes one override with the other id from the messenger tag', () => {
    expect(parse({ 'data-customer-id': 'C2' })).toMatchObject({ botId: 'bot_1', customerId: 'C2' });
  });

  it('shows no form when there is no messenger tag and no override', () => {
    document.body.innerHTML = '';
    expect(parse({})).toBeUndefined();
    expect(report).toHaveBeenCalledOnce();
    expect(report.mock.calls[0]?.[0]).toMatch(/#eleapi-messenger-widget was not found/);
  });

  it('shows no form when the messenger text is not "BotId,CustomerId"', () => {
    document.body.innerHTML =
      '<script id="eleapi-messenger-widget" type="text/plain">oops</script>';
    expect(parse({})).toBeUndefined();
    expect(report.mock.calls[0]?.[0]).toContain('does not hold "BotId,CustomerId"');
  });

  it('reports a malformed data-bot-id and falls back to the messenger tag', () => {
    expect(parse({ 'data-bot-id': 'no spaces' })?.botId).toBe('bot_1');
    expect(report).toHaveBeenCalledOnce();
    expect(report.mock.calls[0]?.[0]).toContain('data-bot-id="no spaces" is invalid');
  });
});

describe('each attribute with a good value', () => {
  it.each<[string, string, Record<string, unknown>]>([
    ['data-uuid-key', 'chat-session', { uuidKey: 'chat-session' }],
    ['data-mode', 'inline', { mode: 'inline' }],
    ['data-target', '#lead-slot', { target: '#lead-slot' }],
    ['data-fields', 'message, email', { fields: ['email', 'message'], required: ['email'] }],
    ['data-required', 'phone', { required: ['phone'] }],
    ['data-required', '', { required: [] }],
    ['data-default-country', 'gb', { defaultCountry: 'GB' }],
    ['data-locale', 'pt-BR', { locale: 'pt' }],
    ['data-title', 'Call me back', { title: 'Call me back' }],
    ['data-submit-label', 'Go', { submitLabel: 'Go' }],
    ['data-success-message', 'Thanks!', { successMessage: 'Thanks!' }],
    ['data-consent', 'I agree', { consent: 'I agree' }],
    [
      'data-privacy-url',
      'https://example.com/privacy',
      { privacyUrl: 'https://example.com/privacy' },
    ],
    ['data-tags', 'web, promo,web,', { tags: ['web', 'promo'] }],
    [
      'data-attributes',
      'plan=pro; src = ad=1;',
      {
        attributes: [
          { key: 'plan', value: 'pro' },
          { key: 'src', value: 'ad=1' },
        ],
      },
    ],
    ['data-context', 'off', { context: false }],
    ['data-accent-color', '#0a7', { accentColor: '#0a7' }],
    ['data-accent-color', '#00AA77', { accentColor: '#00AA77' }],
    ['data-accent-color', 'rgb(0 170 119)', { accentColor: 'rgb(0 170 119)' }],
    [
      'data-accent-color',
      'hsla(160deg, 100%, 33%, .5)',
      { accentColor: 'hsla(160deg, 100%, 33%, .5)' },
    ],
    ['data-position', 'bottom-left', { position: 'bottom-left' }],
    ['data-z-index', '10', { zIndex: 10 }],
    ['data-offset', '0,0', { offset: [0, 0] }],
    ['data-offset', '16, 120', { offset: [16, 120] }],
  ])('%s="%s"', (name, value, expected) => {
    expect(parse({ [name]: value })).toMatchObject(expected);
    expect(report).not.toHaveBeenCalled();
  });

  it('lists "required" against the shown fields, whatever order the attributes come in', () => {
    for (const attrs of [
      { 'data-fields': 'name,phone', 'data-required': 'phone' },
      { 'data-required': 'phone', 'data-fields': 'name,phone' },
    ]) {
      expect(parse(attrs)).toMatchObject({ fields: ['name', 'phone'], required: ['phone'] });
    }
    expect(report).not.toHaveBeenCalled();
    parse({ 'data-required': 'email', 'data-fields': 'name,phone' });
    expect(report).toHaveBeenCalledExactlyOnceWith(
      expect.stringContaining('expected a comma list of the shown fields (name, phone)'),
    );
  });

  it('types the locale as one of the built-in codes', () => {
    const settings = parse({ 'data-locale': 'de-AT' });
    expectTypeOf(settings?.locale).toEqualTypeOf<LocaleCode | undefined>();
    expect(settings?.locale).toBe('de');
  });
});

describe('data-privacy-url', () => {
  afterEach(() => {
    document.head.querySelector('base')?.remove();
  });

  it.each([
    ['/privacy.html', 'https://shop.example/privacy.html'],
    ['privacy.html?v=2#data', 'https://shop.example/en/privacy.html?v=2#data'],
    ['//cdn.example/p.html', 'https://cdn.example/p.html'],
    ['https://example.com/privacy', 'https://example.com/privacy'],
  ])('resolves %s against the page', (value, expected) => {
    const base = document.createElement('base');
    base.href = 'https://shop.example/en/shop.html';
    document.head.append(base);
    expect(parse({ 'data-privacy-url': value })?.privacyUrl).toBe(expected);
    expect(report).not.toHaveBeenCalled();
  });
});

describe('each attribute with a bad value', () => {
  it.each<[string, string, string, Record<string, unknown>]>([
    ['data-uuid-key', 'k'.repeat(501), 'at most 500', { uuidKey: undefined }],
    ['data-mode', 'popup', 'one of floating, inline', { mode: 'floating' }],
    ['data-target', '##', 'valid CSS selector', { target: undefined }],
    ['data-messenger-selector', '[x', 'valid CSS selector', { botId: 'bot_1' }],
    [
      'data-fields',
      'name,fax',
      'name, email, phone, message',
      { fields: ['name', 'email', 'phone'] },
    ],
    [
      'data-fields',
      'message',
      'at least one of name, email, phone',
      { fields: ['name', 'email', 'phone'] },
    ],
    ['data-fields', '', 'at least one of', { fields: ['name', 'email', 'phone'] }],
    [
      'data-required',
      'message',
      'shown fields (name, email, phone)',
      { required: ['name', 'email'] },
    ],
    ['data-default-country', 'GBR', 'ISO 3166 alpha-2', { defaultCountry: undefined }],
    ['data-locale', 'klingon', 'en, es, fr, de, pt, hi, ar', { locale: 'en' }],
    ['data-title', 't'.repeat(501), 'at most 500 characters', { title: undefined }],
    ['data-privacy-url', 'mailto:dpo@example.com', 'http(s) URL', { privacyUrl: undefined }],
    ['data-tags', 'a,b,c,d,e,f,g,h,i,j,k', 'up to 10 comma-separated tags', { tags: [] }],
    ['data-tags', 'x'.repeat(41), 'up to 40 characters', { tags: [] }],
    ['data-attributes', 'novalue', 'k=v;k2=v2', { attributes: [] }],
    ['data-attributes', '=v', 'k=v;k2=v2', { attributes: [] }],
    ['data-attributes', 'plan type=gold', 'letters, digits', { attributes: [] }],
    ['data-attributes', `k=${'v'.repeat(501)}`, 'values up to 500', { attributes: [] }],
    ['data-context', 'yes', 'on or off', { context: true }],
    [
      'data-accent-color',
      'red;background:url(x)',
      '#rgb, #rrggbb, rgb() or hsl()',
      { accentColor: undefined },
    ],
    [
      'data-accent-color',
      'rgb(url(x))',
      '#rgb, #rrggbb, rgb() or hsl()',
      { accentColor: undefined },
    ],
    ['data-accent-color', '#12345', '#rgb, #rrggbb, rgb() or hsl()', { accentColor: undefined }],
    ['data-position', 'top-left', 'bottom-right, bottom-left', { position: 'bottom-right' }],
    ['data-z-index', '1.5', 'an integer from 0 to 2147483647', { zIndex: 2147483000 }],
    ['data-z-index', '9999999999', 'an integer', { zIndex: 2147483000 }],
    ['data-offset', '72', 'x,y in pixels', { offset: [0, 72] }],
    ['data-offset', '-4,72', 'each 0 to 2000', { offset: [0, 72] }],
    ['data-offset', '0,3000', 'each 0 to 2000', { offset: [0, 72] }],
  ])(
    '%s="%s" reports one error naming it and uses the default',
    (name, value, allowed, expected) => {
      expect(parse({ [name]: value })).toMatchObject(expected);
      expect(report).toHaveBeenCalledOnce();
      const message = report.mock.calls[0]?.[0] ?? '';
      expect(message).toContain(`${name}="`);
      expect(message).toContain(allowed);
    },
  );

  it('reports 21 attributes as too many', () => {
    const many = Array.from({ length: 21 }, (_, i) => `k${i}=v`).join(';');
    expect(parse({ 'data-attributes': many })?.attributes).toEqual([]);
    expect(report.mock.calls[0]?.[0]).toContain('up to 20 pairs');
  });
});

describe('the form-only settings', () => {
  it.each([
    ['data-uuid-key', 'k'.repeat(501)],
    ['data-context', 'yes'],
    ['data-required', 'fax'],
    ['data-default-country', 'GBR'],
    ['data-submit-label', 's'.repeat(501)],
    ['data-success-message', 's'.repeat(501)],
    ['data-privacy-url', 'mailto:dpo@example.com'],
    ['data-tags', 'x'.repeat(41)],
    ['data-attributes', 'novalue'],
  ])('%s is left to the chunk: the loader says nothing, the chunk says it once', (name, value) => {
    const attrs = { ...RELAY, [name]: value };
    const base = parseSettings(attrs, { document, navigator: {}, report });
    expect(base).not.toHaveProperty(name.replace(/^data-/, ''));
    expect(report).not.toHaveBeenCalled();
    if (base) completeSettings(base, attrs, document, report);
    expect(report).toHaveBeenCalledExactlyOnceWith(expect.stringContaining(`${name}="`));
  });
});

describe('default country and locale from the browser', () => {
  it('takes the locale of the first language it has, and leaves the country to the form chunk', () => {
    expect(parse({}, ['pl', 'de', 'en-GB'])).toMatchObject({ locale: 'de' });
    expect(parse({}, ['x-bad-tag', 'fr-CA'])?.defaultCountry).toBeUndefined();
  });

  it('falls back to en when the browser languages say nothing useful', () => {
    expect(parse({}, [])).toMatchObject({ locale: 'en' });
    expect(parse({}, ['zz'])).toMatchObject({ locale: 'en' });
  });

  it('lets data-default-country and data-locale win over the browser', () => {
    expect(parse({ 'data-default-country': 'IN', 'data-locale': 'ar' }, ['de-DE'])).toMatchObject({
      defaultCountry: 'IN',
      locale: 'ar',
    });
  });

  it('falls back to the browser language after a bad data-locale', () => {
    expect(parse({ 'data-locale': 'xx' }, ['es-MX'])?.locale).toBe('es');
  });
});

describe('captureAttributes', () => {
  it('copies every attribute of the script tag', () => {
    const script = document.createElement('script');
    script.setAttribute('data-relay-url', 'https://r.example');
    script.setAttribute('data-mode', 'inline');
    expect(captureAttributes(script)).toEqual({
      'data-relay-url': 'https://r.example',
      'data-mode': 'inline',
    });
  });
});
