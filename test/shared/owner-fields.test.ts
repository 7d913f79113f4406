import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  checkOwnerField,
  localize,
  MAX_OWNER_FIELDS,
  type OwnerField,
  parseOwnerFields,
} from '../../src/shared/owner-fields.ts';

const COMPANY = { kind: 'text', key: 'company', label: 'Company' };

function parse(declared: unknown) {
  const report = vi.fn();
  const fields = parseOwnerFields(
    typeof declared === 'string' ? declared : JSON.stringify(declared),
    report,
  );
  return { fields, messages: report.mock.calls.map(([message]) => message as string) };
}

describe('parseOwnerFields: every kind', () => {
  it('reads each kind with its defaults: optional, at most 500 characters, no options', () => {
    const { fields, messages } = parse([
      COMPANY,
      { kind: 'textarea', key: 'plans', label: 'What are you planning?', maxLength: 300 },
      { kind: 'email', key: 'billing_email', label: 'Billing email', required: true },
      { kind: 'number', key: 'guests', label: 'Guests', min: 1, max: 500 },
      { kind: 'select', key: 'event', label: 'Event', options: ['Wedding', 'Birthday'] },
      { kind: 'checkbox', key: 'newsletter', label: 'Send me the menu' },
    ]);
    expect(messages).toEqual([]);
    expect(fields).toEqual<OwnerField[]>([
      {
        kind: 'text',
        key: 'company',
        label: 'Company',
        required: false,
        maxLength: 500,
        options: [],
      },
      {
        kind: 'textarea',
        key: 'plans',
        label: 'What are you planning?',
        required: false,
        maxLength: 300,
        options: [],
      },
      {
        kind: 'email',
        key: 'billing_email',
        label: 'Billing email',
        required: true,
        maxLength: 500,
        options: [],
      },
      {
        kind: 'number',
        key: 'guests',
        label: 'Guests',
        required: false,
        maxLength: 500,
        options: [],
        min: 1,
        max: 500,
      },
      {
        kind: 'select',
        key: 'event',
        label: 'Event',
        required: false,
        maxLength: 500,
        options: [
          { value: 'Wedding', label: 'Wedding' },
          { value: 'Birthday', label: 'Birthday' },
        ],
      },
      {
        kind: 'checkbox',
        key: 'newsletter',
        label: 'Send me the menu',
        required: false,
        maxLength: 500,
        options: [],
      },
    ]);
  });

  it('takes labels by language, for questions and options', () => {
    const { fields, messages } = parse([
      {
        kind: 'select',
        key: 'event',
        label: { en: 'Event', ar: 'المناسبة', 'pt-BR': 'Evento' },
        options: [{ value: 'wedding', label: { en: 'Wedding', ar: 'زفاف' } }, 'Other'],
      },
    ]);
    expect(messages).toEqual([]);
    expect(fields[0]?.label).toEqual({ en: 'Event', ar: 'المناسبة', 'pt-BR': 'Evento' });
    expect(fields[0]?.options).toEqual([
      { value: 'wedding', label: { en: 'Wedding', ar: 'زفاف' } },
      { value: 'Other', label: 'Other' },
    ]);
  });

  it('trims labels and option values', () => {
    const { fields } = parse([
      {
        kind: 'select',
        key: 'size',
        label: ' Size ',
        options: [' S ', { value: ' m ', label: 'M' }],
      },
    ]);
    expect(fields[0]).toMatchObject({
      label: 'Size',
      options: [
        { value: 'S', label: 'S' },
        { value: 'm', label: 'M' },
      ],
    });
  });

  it('reads an empty list as no questions, silently', () => {
    expect(parse([])).toEqual({ fields: [], messages: [] });
  });
});

describe('parseOwnerFields: every error', () => {
  it.each([
    [
      'not JSON',
      '[{"kind": "text",]',
      /the block is not valid JSON \(.+\); no questions of your own are shown/,
    ],
    ['not a list', { kind: 'text' }, /expected a JSON list of questions, like \[\{"kind": "text"/],
  ])('refuses a block that is %s with one error, and shows no questions', (_, block, message) => {
    const { fields, messages } = parse(block);
    expect(fields).toEqual([]);
    expect(messages).toEqual([expect.stringMatching(message)]);
    expect(messages[0]).toMatch(/^data-eleapi-leads-fields: /);
  });

  it(`keeps the first ${MAX_OWNER_FIELDS} questions and names the first one left out`, () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...COMPANY, key: `q${i + 1}` }));
    const { fields, messages } = parse(many);
    expect(fields.map((field) => field.key)).toEqual(many.slice(0, 10).map((q) => q.key));
    expect(messages).toEqual([
      'data-eleapi-leads-fields: at most 10 questions; question 11 ("q11") and later are left out.',
    ]);
  });

  // Each case: one bad declaration between two good ones. It gets exactly one error naming it
  // and the problem; the good ones are still there.
  it.each<[string, unknown, string]>([
    [
      'a question that is not an object',
      'Company',
      'question 2: a question must be an object like',
    ],
    [
      'an unknown property',
      { ...COMPANY, lable: 'x' },
      'question 2 ("company"): unknown "lable"; use kind, key, label',
    ],
    [
      'a missing kind',
      { key: 'company', label: 'Company' },
      'kind must be one of text, textarea, email, number, select, checkbox',
    ],
    ['an unknown kind', { ...COMPANY, kind: 'radio' }, 'kind must be one of text, textarea'],
    [
      'a missing key',
      { kind: 'text', label: 'Company' },
      'question 2: key is required: the attribute key sent to eleapi',
    ],
    [
      'a key with a space',
      { ...COMPANY, key: 'team size' },
      'key must be 1 to 40 letters, digits, "_", "-" or ".", starting with a letter or digit',
    ],
    ['an empty key', { ...COMPANY, key: '' }, 'question 2: key must be 1 to 40 letters'],
    [
      'a key over 40 characters',
      { ...COMPANY, key: 'k'.repeat(41) },
      'key must be 1 to 40 letters',
    ],
    [
      'the key consent',
      { ...COMPANY, key: 'Consent' },
      'key "consent" is set by the relay; choose another',
    ],
    [
      'a missing label',
      { kind: 'text', key: 'company' },
      'label must be text or texts by language',
    ],
    ['an empty label', { ...COMPANY, label: '  ' }, 'label must not be empty'],
    [
      'a label over 500 characters',
      { ...COMPANY, label: 'l'.repeat(501) },
      'label must be at most 500 characters',
    ],
    [
      'a label that is a number',
      { ...COMPANY, label: 7 },
      'label must be text or texts by language, like {"en": "…", "ar": "…"}',
    ],
    [
      'labels by a bad language tag',
      { ...COMPANY, label: { English: 'Company' } },
      'label languages must be tags like "en", "ar" or "pt-BR"',
    ],
    ['an empty object of labels', { ...COMPANY, label: {} }, 'label must not be empty'],
    [
      'a label by language that is empty',
      { ...COMPANY, label: { en: 'Company', ar: '' } },
      'label must not be empty',
    ],
    ['required as text', { ...COMPANY, required: 'yes' }, 'required must be true or false'],
    ['maxLength 0', { ...COMPANY, maxLength: 0 }, 'maxLength must be a whole number from 1 to 500'],
    [
      'maxLength over 500',
      { ...COMPANY, maxLength: 501 },
      'maxLength must be a whole number from 1 to 500',
    ],
    [
      'maxLength 2.5',
      { ...COMPANY, maxLength: 2.5 },
      'maxLength must be a whole number from 1 to 500',
    ],
    [
      'maxLength on a checkbox',
      { kind: 'checkbox', key: 'ok', label: 'OK', maxLength: 3 },
      'maxLength is for kinds text, textarea, email, number only',
    ],
    [
      'a select without options',
      { kind: 'select', key: 'event', label: 'Event' },
      'a select needs options',
    ],
    ['options on a text', { ...COMPANY, options: ['a'] }, 'options are for kind select only'],
    [
      'options that are not a list',
      { kind: 'select', key: 'e', label: 'E', options: 'a,b' },
      'options must be a list',
    ],
    [
      'an empty list of options',
      { kind: 'select', key: 'e', label: 'E', options: [] },
      'options must not be empty',
    ],
    [
      '51 options',
      {
        kind: 'select',
        key: 'e',
        label: 'E',
        options: Array.from({ length: 51 }, (_, i) => `o${i}`),
      },
      'at most 50 options',
    ],
    [
      'an option that is a number',
      { kind: 'select', key: 'e', label: 'E', options: [1] },
      'each option must be text, or {"value": "…", "label": …}',
    ],
    [
      'an empty option',
      { kind: 'select', key: 'e', label: 'E', options: [''] },
      'an option must not be empty',
    ],
    [
      'an option without a value',
      { kind: 'select', key: 'e', label: 'E', options: [{ label: 'A' }] },
      'an option value must be text',
    ],
    [
      'an option with an extra property',
      {
        kind: 'select',
        key: 'e',
        label: 'E',
        options: [{ value: 'a', label: 'A', selected: true }],
      },
      'an option object holds "value" and "label" only',
    ],
    [
      'an option value over 500 characters',
      { kind: 'select', key: 'e', label: 'E', options: ['o'.repeat(501)] },
      'an option must be at most 500 characters',
    ],
    [
      'the same option twice',
      { kind: 'select', key: 'e', label: 'E', options: ['A', { value: 'A', label: 'a' }] },
      'option "A" is listed twice',
    ],
    ['min as text', { kind: 'number', key: 'n', label: 'N', min: '1' }, 'min must be a number'],
    ['max as text', { kind: 'number', key: 'n', label: 'N', max: 'ten' }, 'max must be a number'],
    ['min on a text', { ...COMPANY, min: 1 }, 'min and max are for kind number only'],
    [
      'min over max',
      { kind: 'number', key: 'n', label: 'N', min: 10, max: 1 },
      'min must not be greater than max',
    ],
  ])('leaves out %s with one error naming it, and keeps the others', (_, bad, problem) => {
    const { fields, messages } = parse([
      { ...COMPANY, key: 'first' },
      bad,
      { ...COMPANY, key: 'last' },
    ]);
    expect(fields.map((field) => field.key)).toEqual(['first', 'last']);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(
      /^data-eleapi-leads-fields: question 2( \(".*"\))?: .+\. It is left out\.$/,
    );
    expect(messages[0]).toContain(problem);
  });

  it('names a question by its key when it has one', () => {
    const { messages } = parse([{ ...COMPANY, label: 3 }]);
    expect(messages).toEqual([
      'data-eleapi-leads-fields: question 1 ("company"): label must be text or texts by language, like {"en": "…", "ar": "…"}. It is left out.',
    ]);
  });

  it('lists every problem of one declaration in its one error', () => {
    const { messages } = parse([
      { kind: 'checkbox', key: 'ok', label: 'OK', maxLength: 3, min: 1, extra: 1 },
    ]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('unknown "extra"');
    expect(messages[0]).toContain('maxLength is for kinds text, textarea, email, number only');
    expect(messages[0]).toContain('min and max are for kind number only');
  });

  it('refuses a key used by an earlier question, keeping the first', () => {
    const { fields, messages } = parse([COMPANY, { ...COMPANY, label: 'Firm' }]);
    expect(fields).toEqual([expect.objectContaining({ label: 'Company' })]);
    expect(messages).toEqual([
      'data-eleapi-leads-fields: question 2 ("company"): key "company" is used by an earlier question. It is left out.',
    ]);
  });
});

describe('localize', () => {
  const label = { en: 'Event', ar: 'المناسبة', pt: 'Evento', 'pt-BR': 'Evento (BR)' };
  it.each([
    ['ar', 'المناسبة'],
    ['pt-BR', 'Evento (BR)'],
    ['pt-PT', 'Evento'],
    ['de', 'Event'],
  ])('picks the text for %s: the exact tag, else its language, else English', (locale, text) => {
    expect(localize(label, locale)).toBe(text);
  });

  it('falls back to the first text without English, and takes plain text as is', () => {
    expect(localize({ fr: 'Société', de: 'Firma' }, 'es')).toBe('Société');
    expect(localize('Company', 'ar')).toBe('Company');
  });
});

describe('checkOwnerField types', () => {
  it('types what an owner may declare', () => {
    const checked = checkOwnerField(COMPANY);
    expect(checked.problems).toBeUndefined();
    if (checked.problems) return;
    expectTypeOf(checked.field.kind).toEqualTypeOf<
      'text' | 'textarea' | 'email' | 'number' | 'select' | 'checkbox'
    >();
    expectTypeOf<OwnerField['label']>().toEqualTypeOf<string | Record<string, string>>();
  });
});
