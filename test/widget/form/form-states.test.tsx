import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { type Rendered, renderWidget } from '../../_util/widget/render-widget.ts';

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
        answers: {},
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

  it('while sending, keeps the button focusable (aria-disabled), makes fields read-only and says it is sending', () => {
    const rendered = filledForm({ consent: 'I agree' });
    fireEvent.click(rendered.root.querySelector('[name="consent"]') as HTMLElement);
    const button = sendButton(rendered);
    button.focus();
    fireEvent.click(button);
    expect(button.disabled).toBe(false);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(rendered.root.activeElement).toBe(button);
    const control = (name: string) =>
      rendered.root.querySelector(`[name="${name}"]`) as HTMLInputElement;
    for (const name of ['name', 'email', 'phone', 'message']) {
      expect(control(name).readOnly, name).toBe(true);
    }
    expect(control('country').disabled).toBe(true);
    expect(control('consent').disabled).toBe(true);
    expect(rendered.root.querySelector('form')?.getAttribute('aria-busy')).toBe('true');
    expect(status(rendered).textContent).toBe('Sending…');
    expect(status(rendered).getAttribute('aria-live')).toBe('polite');
  });

  it('sends once however often the visitor clicks or presses Enter while sending', () => {
    const rendered = filledForm();
    fireEvent.click(sendButton(rendered));
    fireEvent.click(sendButton(rendered));
    fireEvent.submit(rendered.root.querySelector('form') as HTMLFormElement);
    expect(rendered.controller.submitted).toHaveLength(1);
  });

  it('replaces the form with the thank-you in the live region and moves focus to it', async () => {
    const rendered = filledForm();
    fireEvent.click(sendButton(rendered));
    rendered.controller.answer({ kind: 'sent' });
    await waitFor(() =>
      expect(status(rendered).textContent).toBe('Thanks! We will be in touch soon.'),
    );
    expect(rendered.root.querySelector('form')).toBeNull();
    await waitFor(() => expect(rendered.root.activeElement).toBe(status(rendered)));
  });

  it.each([
    [
      'offline',
      { kind: 'kept', reason: 'offline' },
      'You are offline. Saved: it will be sent once you are back online.',
    ],
    [
      'online but the server did not answer',
      { kind: 'kept', reason: 'unreachable' },
      'We could not reach our server. Saved: we will keep trying.',
    ],
    [
      'rate limited',
      { kind: 'kept', reason: 'rate-limited', retryAfterMs: 6000 },
      'On its way: it will be sent in a few seconds.',
    ],
    [
      'unable to store it',
      { kind: 'kept', reason: 'unreachable', inMemoryOnly: true },
      'Could not be saved on this device. Keep this page open: we will keep trying.',
    ],
  ] as const)('tells a visitor whose lead is kept (%s) what happened', async (_, outcome, text) => {
    const rendered = filledForm();
    fireEvent.click(sendButton(rendered));
    rendered.controller.answer(outcome);
    await waitFor(() => expect(status(rendered).textContent).toBe(text));
    expect(rendered.root.querySelector('form')).toBeNull();
    await waitFor(() => expect(rendered.root.activeElement).toBe(status(rendered)));
  });

  it('turns "kept" into the thank-you once the kept lead lands while the page is open', async () => {
    const rendered = filledForm();
    fireEvent.click(sendButton(rendered));
    rendered.controller.answer({ kind: 'kept', reason: 'unreachable' });
    await waitFor(() => expect(status(rendered).textContent).toMatch(/could not reach/));
    rendered.controller.resent({ kind: 'sent' });
    await waitFor(() =>
      expect(status(rendered).textContent).toBe('Thanks! We will be in touch soon.'),
    );
  });

  it('apologises after a refusal for good, keeps everything typed and the focus on the button', async () => {
    const rendered = filledForm();
    const button = sendButton(rendered);
    button.focus();
    fireEvent.click(button);
    rendered.controller.answer({ kind: 'refused', status: 403, cause: 'the relay answered 403' });
    await waitFor(() =>
      expect(status(rendered).textContent).toBe(
        'Sorry, it could not be sent. Please contact us another way.',
      ),
    );
    expect(
      (rendered.ui.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).value,
    ).toBe('Call me after 5pm');
    expect(
      (rendered.ui.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).readOnly,
    ).toBe(false);
    expect(sendButton(rendered).getAttribute('aria-disabled')).toBeNull();
    expect(rendered.root.activeElement).toBe(sendButton(rendered));
  });

  it('announces how many fields need attention when validation fails', async () => {
    const rendered = renderWidget({ fields: ['name', 'email', 'phone'] });
    const phone = rendered.root.querySelector('[name="phone"]') as HTMLElement;
    type(phone, '12');
    fireEvent.click(sendButton(rendered));
    // Name and email are required and empty; the phone is too short.
    expect(status(rendered).textContent).toBe('Fields to check: 3');
    expect(rendered.controller.submitted).toHaveLength(0);
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
    expect(status(rendered).textContent).toBe('Zu prüfen: 2');
  });
});
