// The site owner's questions in the form (form/owner-question.tsx): drawn after the built-in
// fields and before consent, in the form's language, checked before sending, and sent as
// attributes ahead of the site's own and the page context. Also the remembered note.
import { act, fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseOwnerFields } from '../../../src/shared/owner-fields.ts';
import { formController } from '../../../src/widget/form/form-controller.ts';
import type { FormCore, LeadSubmission } from '../../../src/widget/types.ts';
import { renderWidget } from '../../_util/widget/render-widget.ts';
import { formValues, widgetSettings } from '../../_util/widget/widget-fakes.ts';

afterEach(() => {
  document.body.innerHTML = '';
});

const QUESTIONS = parseOwnerFields(
  JSON.stringify([
    { kind: 'text', key: 'company', label: { en: 'Company', ar: 'الشركة' }, maxLength: 80 },
    { kind: 'textarea', key: 'plans', label: 'What are you planning?' },
    { kind: 'email', key: 'billing', label: 'Billing email' },
    { kind: 'number', key: 'guests', label: 'Guests', required: true, min: 1, max: 500 },
    {
      kind: 'select',
      key: 'event',
      label: { en: 'Event', ar: 'المناسبة' },
      options: ['Wedding', { value: 'corporate', label: { en: 'Company party', ar: 'حفلة شركة' } }],
    },
    { kind: 'checkbox', key: 'vegan', label: 'Vegan menu' },
  ]),
  (message) => {
    throw new Error(message);
  },
);

const type = (element: Element | null, value: string) =>
  fireEvent.input(element as Element, { target: { value } });

function render(settings = {}) {
  const rendered = renderWidget(
    { mode: 'inline', fields: ['name', 'email'], consent: 'I agree', ...settings },
    undefined,
    { questions: QUESTIONS },
  );
  const control = (name: string) => rendered.root.querySelector(`[name="${name}"]`);
  type(control('name'), 'Ada');
  type(control('email'), 'ada@example.com');
  return { ...rendered, control };
}

describe('the owner’s questions', () => {
  it('come after the built-in fields and before consent, each kind as its control', () => {
    const { root } = render();
    const names = Array.from(root.querySelectorAll('form [name]'), (el) => el.getAttribute('name'));
    expect(names).toEqual([
      'name',
      'email',
      'q-company',
      'q-plans',
      'q-billing',
      'q-guests',
      'q-event',
      'q-vegan',
      'consent',
      'website',
    ]);
    expect(root.querySelector('[name="q-plans"]')?.localName).toBe('textarea');
    expect(root.querySelector('[name="q-billing"]')?.getAttribute('type')).toBe('email');
    expect(root.querySelector('[name="q-guests"]')?.getAttribute('inputmode')).toBe('decimal');
    expect(root.querySelector('[name="q-vegan"]')?.getAttribute('type')).toBe('checkbox');
    expect(root.querySelector('[name="q-company"]')?.getAttribute('maxlength')).toBe('80');
    const options = root.querySelectorAll('[name="q-event"] option');
    expect(Array.from(options, (option) => option.textContent)).toEqual([
      '',
      'Wedding',
      'Company party',
    ]);
  });

  it('are labelled in the form’s language', () => {
    const { ui, root } = render({ locale: 'ar' });
    expect(ui.getByLabelText('الشركة')).toBe(root.querySelector('[name="q-company"]'));
    expect(root.querySelector('[name="q-event"] option[value="corporate"]')?.textContent).toBe(
      'حفلة شركة',
    );
  });

  it('are checked before sending: a required one left empty, a number out of range', () => {
    const rendered = render();
    const consent = rendered.control('consent') as HTMLInputElement;
    fireEvent.click(consent);
    fireEvent.click(rendered.ui.getByRole('button', { name: 'Send' }));
    expect(rendered.controller.submitted).toEqual([]);
    const guests = rendered.control('q-guests');
    expect(guests?.getAttribute('aria-invalid')).toBe('true');
    expect(rendered.ui.getByText('Required')).toBeTruthy();
    type(guests, '900');
    type(rendered.control('q-billing'), 'not-an-email');
    fireEvent.click(rendered.ui.getByRole('button', { name: 'Send' }));
    expect(rendered.controller.submitted).toEqual([]);
    expect(rendered.ui.getByText('Check this field')).toBeTruthy();
    expect(rendered.ui.getByText('Enter a valid email')).toBeTruthy();
  });

  it('hand the core their answers by key', () => {
    const rendered = render();
    type(rendered.control('q-company'), 'Acme');
    type(rendered.control('q-guests'), '40');
    fireEvent.change(rendered.control('q-event') as Element, { target: { value: 'corporate' } });
    fireEvent.click(rendered.control('q-vegan') as Element);
    fireEvent.click(rendered.control('consent') as Element);
    fireEvent.click(rendered.ui.getByRole('button', { name: 'Send' }));
    expect(rendered.controller.submitted[0]?.answers).toEqual({
      company: 'Acme',
      plans: '',
      billing: '',
      guests: '40',
      event: 'corporate',
      vegan: true,
    });
  });
});

describe('answers as attributes', () => {
  it('go first, ahead of data-attributes and page context, empty ones left out', async () => {
    const sent: LeadSubmission[] = [];
    const core = {
      settings: widgetSettings({ attributes: [{ key: 'campaign', value: 'spring' }] }),
      send: async (body: LeadSubmission) => {
        sent.push(body);
        return { kind: 'sent' } as const;
      },
      report: vi.fn(),
    } as unknown as FormCore;
    const facts = {
      uuid: () => '7e88d192-9b20-4035-9b68-d4ac3d58a34f',
      context: () => [{ key: 'page_url', value: 'https://shop.example/' }],
    };
    await formController(core, QUESTIONS, facts).submit(
      formValues({
        name: 'Ada',
        dialCode: '+1',
        answers: { company: ' Acme ', plans: '', guests: '2,5', vegan: false },
      }),
    );
    expect(sent[0]?.attributes).toEqual([
      { key: 'company', value: 'Acme' },
      { key: 'guests', value: '2.5' },
      { key: 'vegan', value: 'no' },
      { key: 'campaign', value: 'spring' },
      { key: 'page_url', value: 'https://shop.example/' },
    ]);
  });
});

describe('a remembered send', () => {
  it('shows "we have your details"; Send again forgets it and shows the form', () => {
    const forget = vi.fn();
    const rendered = renderWidget({ mode: 'inline' }, undefined, { remembered: true, forget });
    expect(rendered.ui.getByText('Thanks — we have your details')).toBeTruthy();
    expect(rendered.root.querySelector('form')).toBeNull();
    fireEvent.click(rendered.ui.getByRole('button', { name: 'Send again' }));
    expect(forget).toHaveBeenCalledOnce();
    expect(rendered.root.querySelector('form')).not.toBeNull();
    expect(rendered.root.activeElement?.getAttribute('name')).toBe('name');
  });
});

describe('an automatic open', () => {
  it('leaves focus where the page has it with moveFocus: false', () => {
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    const rendered = renderWidget({ mode: 'floating' });
    act(() => rendered.view.open({ moveFocus: false }));
    expect(rendered.root.querySelector<HTMLElement>('[role="dialog"]')?.hidden).toBe(false);
    expect(document.activeElement).toBe(button);
    act(() => rendered.view.close());
    act(() => rendered.view.open());
    expect(rendered.root.activeElement?.getAttribute('name')).toBe('name');
  });
});
