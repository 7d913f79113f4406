import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { type Rendered, renderWidget } from './render-widget.ts';

afterEach(() => {
  document.body.innerHTML = '';
});

const type = (element: HTMLElement, value: string) =>
  fireEvent.input(element, { target: { value } });
const sendButton = ({ ui }: Rendered) =>
  ui.getByRole('button', { name: 'Send' }) as HTMLButtonElement;
const status = ({ ui }: Rendered) => ui.getByRole('status');

function filledForm(settings = {}) {
  const rendered = renderWidget({ fields: ['name', 'email', 'phone', 'message'], ...settings });
  // By name attribute, so the same helper fills the form in any language.
  const input = (name: string) => rendered.root.querySelector(`[name="${name}"]`) as HTMLElement;
  type(input('name'), 'Ada Lovelace');
  type(input('email'), 'ada@example.com');
  type(input('phone'), '07911 123456');
  type(input('message'), 'Call me after 5pm');
  return rendered;
}

describe('sending', () => {
  it('hands the core what the visitor typed', () => {
    const rendered = filledForm();
    fireEvent.click(sendButton(rendered));
    expect(rendered.controller.submitted).toEqual([
      {
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        phone: '07911 123456',
        dialCode: '+44',
        message: 'Call me after 5pm',
        consent: false,
        website: '',
      },
    ]);
  });

  it('passes a filled honeypot on for the relay to drop', () => {
    const rendered = filledForm();
    type(
      rendered.root.querySelector('input[name="website"]') as HTMLElement,
      'http://spam.example',
    );
    fireEvent.click(sendButton(rendered));
    expect(rendered.controller.submitted[0]?.website).toBe('http://spam.example');
  });

  it('disables the button and says it is sending, so there is no double submit', () => {
    const rendered = filledForm();
    fireEvent.click(sendButton(rendered));
    expect(sendButton(rendered).disabled).toBe(true);
    expect(rendered.root.querySelector('form')?.getAttribute('aria-busy')).toBe('true');
    expect(status(rendered).textContent).toBe('Sending…');
    expect(status(rendered).getAttribute('aria-live')).toBe('polite');
    fireEvent.submit(rendered.root.querySelector('form') as HTMLFormElement);
    expect(rendered.controller.submitted).toHaveLength(1);
  });

  it('replaces the form with the thank-you message and moves focus to it', async () => {
    const rendered = filledForm();
    fireEvent.click(sendButton(rendered));
    rendered.controller.answer({ kind: 'sent' });
    const thanks = await rendered.ui.findByText('Thanks! We will be in touch soon.');
    expect(rendered.root.querySelector('form')).toBeNull();
    await waitFor(() => expect(rendered.root.activeElement).toBe(thanks));
  });

  it('tells a visitor who is offline that the lead is saved and will be sent', async () => {
    const rendered = filledForm();
    fireEvent.click(sendButton(rendered));
    rendered.controller.answer({ kind: 'queued' });
    const saved = await rendered.ui.findByText('Saved. It will be sent when you are back online.');
    expect(rendered.root.querySelector('form')).toBeNull();
    await waitFor(() => expect(rendered.root.activeElement).toBe(saved));
  });

  it('keeps everything typed after a refusal and lets the visitor retry', async () => {
    const rendered = filledForm();
    fireEvent.click(sendButton(rendered));
    rendered.controller.answer({ kind: 'failed', status: 429 });
    await waitFor(() => expect(status(rendered).textContent).toBe('Not sent. Please try again.'));
    expect(
      (rendered.ui.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).value,
    ).toBe('Call me after 5pm');
    expect(sendButton(rendered).disabled).toBe(false);
    await waitFor(() => expect(rendered.root.activeElement).toBe(sendButton(rendered)));
    fireEvent.click(sendButton(rendered));
    expect(rendered.controller.submitted).toHaveLength(2);
    expect(rendered.controller.submitted[1]).toEqual(rendered.controller.submitted[0]);
  });

  it('shows the relay’s field issues on those fields, in the visitor’s language', async () => {
    const rendered = filledForm({ locale: 'de' });
    fireEvent.click(rendered.ui.getByRole('button', { name: 'Senden' }));
    rendered.controller.answer({
      kind: 'invalid',
      issues: [
        { path: 'email', message: 'email must be an address like name@example.com' },
        { path: 'dialCode', message: 'dialCode must be a country calling code with "+"' },
      ],
    });
    const email = rendered.ui.getByRole('textbox', { name: 'E-Mail' });
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(
      rendered.root.getElementById(email.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toBe('Ungültige E-Mail');
    const country = rendered.ui.getByRole('combobox', { name: 'Ländervorwahl' });
    expect(country.getAttribute('aria-invalid')).toBe('true');
    expect(
      rendered.root.getElementById(country.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toBe('Bitte prüfen');
    await waitFor(() => expect(rendered.root.activeElement).toBe(email));
    expect(status(rendered).textContent).toBe('');
  });

  it('reports relay issues it cannot place as a failure to send', async () => {
    const rendered = filledForm();
    fireEvent.click(sendButton(rendered));
    rendered.controller.answer({
      kind: 'invalid',
      issues: [{ path: 'uuid', message: 'uuid must be a UUID' }],
    });
    await waitFor(() => expect(status(rendered).textContent).toBe('Not sent. Please try again.'));
  });
});
