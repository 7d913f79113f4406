import { describe, expect, it } from 'vitest';
import { leadSubmissionSchema } from '../../../src/shared/lead-submission.ts';
import { buildSubmission } from '../../../src/widget/form/submission.ts';
import { leadFields } from '../../../src/widget/loader/controller.ts';
import type { WidgetSettings } from '../../../src/widget/types.ts';
import { formValues, widgetSettings } from '../../_util/widget-fakes.ts';

const UUID = '7e88d192-9b20-4035-9b68-d4ac3d58a34f';

const settings = (over: Partial<WidgetSettings> = {}) =>
  widgetSettings({ fields: ['name', 'email', 'phone', 'message'], ...over });

describe('buildSubmission', () => {
  it('sends name and message as the relay keeps them: no bidi override, accents composed', () => {
    const body = buildSubmission(
      formValues({ name: 'Bob \u202Egnp.exe', message: 'Jose\u0301\u0000\nthanks' }),
      settings(),
      UUID,
      [],
    );
    expect(body).toMatchObject({ name: 'Bob gnp.exe', message: 'José\nthanks' });
  });

  it('sends every filled field, the phone as national digits with its dial code', () => {
    const body = buildSubmission(
      formValues({
        name: ' Ada Lovelace ',
        email: 'ada@example.com',
        phone: '07911 123-456',
        message: 'Call after 5',
      }),
      settings({ consent: 'I agree', tags: ['web'], attributes: [{ key: 'plan', value: 'pro' }] }),
      UUID,
      [{ key: 'locale', value: 'en' }],
    );
    expect(body).toEqual({
      uuid: UUID,
      botId: 'bot1',
      customerId: 'cust1',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '7911123456',
      dialCode: '+44',
      message: 'Call after 5',
      consent: false,
      tags: ['web'],
      attributes: [
        { key: 'plan', value: 'pro' },
        { key: 'locale', value: 'en' },
      ],
      website: '',
    });
    expect(leadSubmissionSchema.safeParse(body).success).toBe(true);
  });

  it('leaves out empty fields, consent without a checkbox, and empty tags and attributes', () => {
    expect(
      buildSubmission(formValues({ email: 'a@b.co', name: '  ' }), settings(), UUID, []),
    ).toEqual({
      uuid: UUID,
      botId: 'bot1',
      customerId: 'cust1',
      email: 'a@b.co',
      website: '',
    });
  });

  it('takes the dial code from a number typed in international form', () => {
    const body = buildSubmission(formValues({ phone: '+33 6 12 34 56 78' }), settings(), UUID, []);
    expect(body).toMatchObject({ phone: '612345678', dialCode: '+33' });
  });

  it.each([
    ['0049 151 23456789', '15123456789', '+49'],
    ['011 44 7911 123456', '7911123456', '+44'],
    ['tel:+447911123456', '7911123456', '+44'],
    ['+1 (202) 555-0123 ext. 12', '2025550123 ext. 12', '+1'],
  ])('reads %s as phone %s with dial code %s', (typed, phone, dialCode) => {
    const values = formValues({ phone: typed, dialCode: '+1' });
    expect(buildSubmission(values, settings(), UUID, [])).toMatchObject({ phone, dialCode });
  });

  it('does not send values of fields the form does not show', () => {
    const body = buildSubmission(
      formValues({ name: 'Ada', phone: '07911123456', message: 'hi' }),
      settings({ fields: ['name', 'email'] }),
      UUID,
      [],
    );
    expect(body.phone).toBeUndefined();
    expect(body.dialCode).toBeUndefined();
    expect(body.message).toBeUndefined();
  });

  it("keeps the site's attribute over page context on the same key and bounds count and length", () => {
    const site = [{ key: 'locale', value: 'site' }];
    const context = [
      { key: 'locale', value: 'en' },
      ...Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, value: 'v'.repeat(600) })),
    ];
    const attributes =
      buildSubmission(formValues({ name: 'A' }), settings({ attributes: site }), UUID, context)
        .attributes ?? [];
    expect(attributes).toHaveLength(20);
    expect(attributes[0]).toEqual({ key: 'locale', value: 'site' });
    expect(attributes[1]?.value).toHaveLength(500);
  });

  it('passes the honeypot on, so the relay can drop bots quietly', () => {
    expect(
      buildSubmission(formValues({ name: 'A', website: 'spam.example' }), settings(), UUID, []),
    ).toMatchObject({ website: 'spam.example' });
  });
});

describe('leadFields', () => {
  it("keeps only the visitor's own fields", () => {
    const body = buildSubmission(
      formValues({ name: 'Ada', phone: '07911123456' }),
      settings({ consent: 'ok', tags: ['t'] }),
      UUID,
      [{ key: 'page_url', value: 'https://x.example' }],
    );
    expect(leadFields(body)).toEqual({
      name: 'Ada',
      phone: '7911123456',
      dialCode: '+44',
      consent: false,
    });
  });
});
