import { act } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { stringsFor } from '../../../src/widget/form/strings.ts';
import { LOCALE_CODES } from '../../../src/widget/loader/locale-codes.ts';
import { tableFor } from '../../_util/widget/mount-widget.ts';
import { renderWidget } from '../../_util/widget/render-widget.ts';
import { widgetSettings } from '../../_util/widget/widget-fakes.ts';

afterEach(() => {
  document.body.innerHTML = '';
});

const en = stringsFor(widgetSettings({ locale: 'en' }), 'Contact us');

describe('built-in languages', () => {
  it('holds every English text, none empty', () => {
    expect(en).toMatchObject({
      title: 'Contact us',
      send: 'Send',
      badPhone: 'Not a valid number for this country',
      remembered: 'Thanks — we have your details',
      sendAgain: 'Send again',
    });
    expect(Object.keys(en)).toHaveLength(23);
  });

  for (const locale of LOCALE_CODES.filter((code) => code !== 'en')) {
    it(`translates every string into "${locale}"`, () => {
      const strings = stringsFor(widgetSettings({ locale }), 'Contact us', tableFor(locale));
      const keys = Object.keys(en) as (keyof typeof en)[];
      expect(Object.keys(strings).sort()).toEqual([...keys].sort());
      // Only "Name" and "Message" may read the same in a language as in English; the title is
      // the loader's launcher label (test/widget/loader/launcher-text.test.ts).
      const same = keys.filter((key) => strings[key] === en[key]);
      expect(same.filter((key) => !['name', 'message', 'title'].includes(key))).toEqual([]);
      for (const key of keys) expect(strings[key].trim()).not.toBe('');
    });
  }

  it('says what happened to a submission in every language, with a place for the field count', () => {
    for (const locale of LOCALE_CODES) {
      const strings = stringsFor(widgetSettings({ locale }), 'Contact us', tableFor(locale));
      expect(strings.checkFields, locale).toContain('%');
      const kept = [
        strings.keptOffline,
        strings.keptUnreachable,
        strings.keptRateLimited,
        strings.keptInMemory,
      ];
      // "Offline", "server unreachable", "rate limited" and "not stored" each read differently.
      expect(new Set(kept).size, locale).toBe(4);
      expect(kept, locale).not.toContain(strings.sent);
    }
  });

  it('shows the form in the chosen language, with country names in it', () => {
    const { ui, root } = renderWidget({ locale: 'es', defaultCountry: 'DE' });
    expect(ui.getByRole('heading').textContent).toBe('Contáctanos');
    expect(ui.getByRole('textbox', { name: 'Correo' })).toBeTruthy();
    expect(ui.getByRole('button', { name: 'Enviar' })).toBeTruthy();
    const select = root.querySelector('select') as HTMLSelectElement;
    // Named once the visitor uses the list; the code alone until then (issue 10).
    act(() => select.focus());
    expect(select.selectedOptions[0]?.textContent).toBe('Alemania (+49)');
    expect(root.querySelector('[dir]')?.getAttribute('dir')).toBe('ltr');
    expect(root.querySelector('[lang]')?.getAttribute('lang')).toBe('es');
  });

  it('lays Arabic out right to left', () => {
    const { ui, root } = renderWidget({ locale: 'ar' });
    expect(root.querySelector('.root')?.getAttribute('dir')).toBe('rtl');
    expect(root.querySelector('.root')?.getAttribute('lang')).toBe('ar');
    expect(ui.getByRole('heading').textContent).toBe('تواصل معنا');
  });
});

describe('text overrides from the script tag', () => {
  it('replaces the title, the button and the thank-you in any language', () => {
    const strings = stringsFor(
      widgetSettings({
        locale: 'fr',
        title: 'Un devis ?',
        submitLabel: 'Demander',
        successMessage: 'Reçu !',
      }),
      // The loader's launcherText() resolves data-title before the chunk gets it.
      'Un devis ?',
      tableFor('fr'),
    );
    expect(strings).toMatchObject({ title: 'Un devis ?', send: 'Demander', sent: 'Reçu !' });
    expect(strings.close).toBe('Fermer');
  });

  it('shows the overridden title on the launcher and as the dialog name', () => {
    const { ui } = renderWidget({ mode: 'floating', title: 'Get a quote', submitLabel: 'Request' });
    ui.getByRole('button', { name: 'Get a quote' }).click();
    expect(ui.getByRole('dialog', { name: 'Get a quote' })).toBeTruthy();
    expect(ui.getByRole('button', { name: 'Request' })).toBeTruthy();
  });
});
