import { act, fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Rendered, renderWidget } from '../../_util/widget/render-widget.ts';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

const type = (element: HTMLElement, value: string) =>
  fireEvent.input(element, { target: { value } });
const send = ({ ui }: Rendered) => fireEvent.click(ui.getByRole('button', { name: 'Send' }));
const field = ({ ui }: Rendered, name: string) => ui.getByRole('textbox', { name });
const countrySelect = ({ ui }: Rendered) =>
  ui.getByRole('combobox', { name: 'Country code' }) as HTMLSelectElement;

function fillValid(rendered: Rendered) {
  type(field(rendered, 'Name'), 'Ada Lovelace');
  type(field(rendered, 'Email'), 'ada@example.com');
}

describe('the fields', () => {
  it('shows the fields the site asked for, each with a visible label', () => {
    const rendered = renderWidget({ fields: ['name', 'email', 'phone', 'message'] });
    for (const name of ['Name', 'Email', 'Phone', 'Message']) {
      const control = field(rendered, name);
      expect(rendered.root.querySelector(`label[for="${control.id}"]`)?.textContent).toContain(
        name,
      );
    }
    expect(countrySelect(rendered).value).toBe('GB');
  });

  it('leaves out fields the site did not ask for', () => {
    const { ui } = renderWidget({ fields: ['email'], required: ['email'] });
    expect(ui.getAllByRole('textbox').map((box) => box.getAttribute('name'))).toEqual(['email']);
    expect(ui.queryByRole('combobox')).toBeNull();
  });

  it('marks required fields for people and assistive tech alike', () => {
    const rendered = renderWidget({ required: ['email'] });
    const email = field(rendered, 'Email');
    expect(email.getAttribute('aria-required')).toBe('true');
    expect(
      rendered.root.querySelector('label[for="email"] [aria-hidden="true"]')?.textContent,
    ).toBe(' *');
    expect(field(rendered, 'Name').hasAttribute('aria-required')).toBe(false);
    expect(rendered.root.querySelector('label[for="name"] [aria-hidden]')).toBeNull();
  });

  it('starts on the default country by its code, and names every country once the list is used', () => {
    const rendered = renderWidget({ defaultCountry: 'IN' });
    const select = countrySelect(rendered);
    expect(select.value).toBe('IN');
    expect(select.options).toHaveLength(1);
    expect(select.selectedOptions[0]?.textContent).toBe('IN (+91)');
    act(() => select.focus());
    expect(select.options.length).toBeGreaterThan(200);
    expect(select.value).toBe('IN');
    expect(select.selectedOptions[0]?.textContent).toBe('India (+91)');
    expect(rendered.root.querySelector('.tel span')?.textContent).toBe('🇮🇳 +91');
  });

  it("starts on the visitor's likely country when the tag names none", () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-AT', 'de']);
    const select = countrySelect(renderWidget({ defaultCountry: undefined }));
    expect(select.value).toBe('AT');
  });

  it('hides the honeypot from people and assistive tech', () => {
    const { root, ui } = renderWidget();
    const trap = root.querySelector('input[name="website"]') as HTMLInputElement;
    expect(trap.tabIndex).toBe(-1);
    expect(trap.getAttribute('autocomplete')).toBe('off');
    expect(trap.closest('[aria-hidden="true"]')).not.toBeNull();
    expect(trap.getAttribute('style')).toBeNull();
    expect(ui.queryByRole('textbox', { name: /website/i })).toBeNull();
  });
});

describe('validation before sending', () => {
  it('shows each error next to its field, wired with aria, and sends nothing', async () => {
    const rendered = renderWidget();
    type(field(rendered, 'Email'), 'ada@');
    send(rendered);
    const name = field(rendered, 'Name');
    const email = field(rendered, 'Email');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(
      rendered.root.getElementById(name.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toBe('Required');
    expect(
      rendered.root.getElementById(email.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toBe('Enter a valid email');
    expect(rendered.controller.submitted).toEqual([]);
    await waitFor(() => expect(rendered.root.activeElement).toBe(name));
  });

  it('moves focus to the first invalid field in form order', async () => {
    const rendered = renderWidget();
    type(field(rendered, 'Name'), 'Ada');
    type(field(rendered, 'Phone'), '123');
    send(rendered);
    await waitFor(() => expect(rendered.root.activeElement).toBe(field(rendered, 'Email')));
    expect(field(rendered, 'Phone').getAttribute('aria-invalid')).toBe('true');
  });

  it('clears a field’s error once the visitor edits it', () => {
    const rendered = renderWidget();
    send(rendered);
    type(field(rendered, 'Name'), 'Ada');
    expect(field(rendered, 'Name').hasAttribute('aria-invalid')).toBe(false);
    expect(field(rendered, 'Name').hasAttribute('aria-describedby')).toBe(false);
    expect(field(rendered, 'Email').getAttribute('aria-invalid')).toBe('true');
  });

  it('checks the phone length for the chosen country', () => {
    const rendered = renderWidget({ defaultCountry: 'US' });
    fillValid(rendered);
    type(field(rendered, 'Phone'), '202 555 010');
    send(rendered);
    expect(rendered.ui.getByText('Not a valid number for this country')).toBeTruthy();
    type(field(rendered, 'Phone'), '202 555 0100');
    send(rendered);
    expect(rendered.controller.submitted[0]).toMatchObject({
      phone: '202 555 0100',
      dialCode: '+1',
    });
  });

  it('requires the consent box and links the privacy page', () => {
    const rendered = renderWidget({
      consent: 'I agree to the [privacy terms] of Acme.',
      privacyUrl: 'https://acme.example/privacy',
    });
    fillValid(rendered);
    send(rendered);
    const box = rendered.ui.getByRole('checkbox', {
      name: /I agree to the privacy terms of Acme\./,
    });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    const link = rendered.ui.getByRole('link', { name: 'privacy terms' });
    expect(link.getAttribute('href')).toBe('https://acme.example/privacy');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener');
    expect(rendered.controller.submitted).toEqual([]);
    fireEvent.click(box);
    send(rendered);
    expect(rendered.controller.submitted[0]?.consent).toBe(true);
  });

  it('adds a privacy link after consent text that has no brackets', () => {
    const { ui } = renderWidget({ consent: 'I agree.', privacyUrl: 'https://acme.example/p' });
    expect(ui.getByRole('link', { name: 'Privacy policy' }).getAttribute('href')).toBe(
      'https://acme.example/p',
    );
    expect(ui.getByRole('checkbox', { name: 'I agree. Privacy policy' })).toBeTruthy();
  });
});

describe('a "+CC" number typed into the phone field', () => {
  it('picks the country by its code and keeps the national part as grouped (+44, trunk 0)', () => {
    const rendered = renderWidget({ defaultCountry: 'US' });
    const phone = field(rendered, 'Phone') as HTMLInputElement;
    type(phone, '+44 07911 123456');
    fireEvent.change(phone);
    expect(countrySelect(rendered).value).toBe('GB');
    expect(phone.value).toBe('07911 123456');
  });

  it.each([
    ['0049 151 23456789', 'DE', '151 23456789'],
    ['011 44 7911 123456', 'GB', '7911 123456'],
    ['tel:+447911123456', 'GB', '7911123456'],
    ['+1 (202) 555-0123 ext. 12', 'US', '(202) 555-0123 ext. 12'],
  ])('reads %s as %s and shows "%s", digits unchanged', (typed, iso, shown) => {
    const rendered = renderWidget({ defaultCountry: 'US' });
    const phone = field(rendered, 'Phone') as HTMLInputElement;
    type(phone, typed);
    fireEvent.change(phone);
    expect(countrySelect(rendered).value).toBe(iso);
    expect(phone.value).toBe(shown);
  });

  it('leaves a national number as the visitor typed it', () => {
    const rendered = renderWidget({ defaultCountry: 'RU' });
    const phone = field(rendered, 'Phone') as HTMLInputElement;
    type(phone, '812 123 45 67');
    fireEvent.change(phone);
    expect(countrySelect(rendered).value).toBe('RU');
    expect(phone.value).toBe('812 123 45 67');
  });

  it('tells +1 countries apart by their leading digits (+1 268 is Antigua)', () => {
    const rendered = renderWidget({ defaultCountry: 'GB' });
    const phone = field(rendered, 'Phone') as HTMLInputElement;
    type(phone, '+1 268 464 1234');
    fireEvent.change(phone);
    expect(countrySelect(rendered).value).toBe('AG');
    type(phone, '+1 202 555 0100');
    fireEvent.change(phone);
    expect(countrySelect(rendered).value).toBe('US');
  });

  it('is split at submit even when the field was never left', () => {
    const rendered = renderWidget({ defaultCountry: 'US' });
    fillValid(rendered);
    type(field(rendered, 'Phone'), '+44 7911 123456');
    send(rendered);
    expect(rendered.controller.submitted[0]).toMatchObject({
      phone: '7911 123456',
      dialCode: '+44',
    });
  });

  it('stays as typed when the code is unknown, and is refused', () => {
    const rendered = renderWidget();
    fillValid(rendered);
    const phone = field(rendered, 'Phone') as HTMLInputElement;
    type(phone, '+999 1234');
    send(rendered);
    expect(phone.value).toBe('+999 1234');
    expect(phone.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('prefill', () => {
  it('fills the fields the page knows, picking the country from the dial code', () => {
    const rendered = renderWidget({ defaultCountry: 'GB' });
    act(() =>
      rendered.controller.prefill({
        name: 'Ada',
        email: 'ada@example.com',
        phone: '268 464 1234',
        dialCode: '+1',
      }),
    );
    expect((field(rendered, 'Name') as HTMLInputElement).value).toBe('Ada');
    expect((field(rendered, 'Email') as HTMLInputElement).value).toBe('ada@example.com');
    expect((field(rendered, 'Phone') as HTMLInputElement).value).toBe('268 464 1234');
    expect(countrySelect(rendered).value).toBe('AG');
  });

  it('never overwrites what the visitor typed', () => {
    const rendered = renderWidget();
    type(field(rendered, 'Name'), 'Grace');
    act(() => rendered.controller.prefill({ name: 'Ada', dialCode: '+91' }));
    expect((field(rendered, 'Name') as HTMLInputElement).value).toBe('Grace');
    expect(countrySelect(rendered).value).toBe('IN');
  });

  it('applies prefills made before the form mounted', () => {
    const rendered = renderWidget({}, (controller) =>
      controller.prefill({ email: 'early@example.com' }),
    );
    expect((field(rendered, 'Email') as HTMLInputElement).value).toBe('early@example.com');
  });

  it('sends only fields shown on screen, whatever the page prefilled', () => {
    const rendered = renderWidget({ fields: ['email'], required: ['email'] });
    act(() =>
      rendered.controller.prefill({ name: 'Ada', email: 'ada@example.com', phone: '07911123456' }),
    );
    send(rendered);
    expect(rendered.controller.submitted[0]).toMatchObject({
      name: '',
      email: 'ada@example.com',
      phone: '',
    });
  });
});
