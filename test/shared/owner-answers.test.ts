import { describe, expect, it } from 'vitest';
import { leadSubmissionSchema } from '../../src/shared/lead-submission.ts';
import {
  checkOwnerAnswer,
  checkOwnerAnswers,
  toOwnerAttributes,
} from '../../src/shared/owner-answers.ts';
import { type OwnerField, parseOwnerFields } from '../../src/shared/owner-fields.ts';

function fields(declared: unknown[]): OwnerField[] {
  return parseOwnerFields(JSON.stringify(declared), (message) => {
    throw new Error(message);
  });
}

const [company, plans, billing, guests, event, menu] = fields([
  { kind: 'text', key: 'company', label: 'Company', maxLength: 10 },
  { kind: 'textarea', key: 'plans', label: 'Plans', required: true },
  { kind: 'email', key: 'billing_email', label: 'Billing email' },
  { kind: 'number', key: 'guests', label: 'Guests', min: 1, max: 500 },
  { kind: 'select', key: 'event', label: 'Event', options: ['Wedding', 'Birthday'] },
  { kind: 'checkbox', key: 'menu', label: 'Send me the menu', required: true },
]) as [OwnerField, OwnerField, OwnerField, OwnerField, OwnerField, OwnerField];

describe('checkOwnerAnswer', () => {
  it.each<[string, OwnerField, string | boolean | undefined, unknown]>([
    ['text, trimmed', company, '  Acme  ', { value: 'Acme' }],
    ['text at its maxLength', company, 'a'.repeat(10), { value: 'a'.repeat(10) }],
    ['text over its maxLength', company, 'a'.repeat(11), { error: 'bad' }],
    ['optional text left empty', company, '   ', { value: undefined }],
    ['optional text never touched', company, undefined, { value: undefined }],
    ['required long text left empty', plans, '', { error: 'required' }],
    // The newline follows the relay's one text rule for attribute values (trimmed()).
    [
      'long text',
      plans,
      'A buffet\nfor 40',
      { value: expect.stringMatching(/^A buffet\sfor 40$/) },
    ],
    ['an email, lower-cased', billing, ' Ada@Example.COM ', { value: 'ada@example.com' }],
    ['a bad email', billing, 'ada@', { error: 'badEmail' }],
    ['a number', guests, '40', { value: '40' }],
    ['a decimal comma', guests, '2,5', { value: '2.5' }],
    ['a decimal point', guests, '2.5', { value: '2.5' }],
    ['a number with a thousands comma, which is ambiguous', guests, '1,000', { error: 'bad' }],
    ['a number under min', guests, '0', { error: 'bad' }],
    ['a number over max', guests, '501', { error: 'bad' }],
    ['text in a number', guests, 'forty', { error: 'bad' }],
    ['an exponent in a number', guests, '1e2', { error: 'bad' }],
    ['an option', event, 'Wedding', { value: 'Wedding' }],
    ['a value that is not an option', event, 'Funeral', { error: 'bad' }],
    ['a ticked box', menu, true, { value: 'yes' }],
    ['a required box left unticked', menu, false, { error: 'required' }],
    ['a boolean for a text', company, true, { error: 'bad' }],
  ])('%s', (_, field, answer, expected) => {
    expect(checkOwnerAnswer(field, answer)).toEqual(expected);
  });

  it('answers "no" for an optional box left unticked, so a later send updates it', () => {
    const [optional] = fields([{ kind: 'checkbox', key: 'news', label: 'News' }]) as [OwnerField];
    expect(checkOwnerAnswer(optional, false)).toEqual({ value: 'no' });
    expect(checkOwnerAnswer(optional, undefined)).toEqual({ value: 'no' });
  });
});

describe('checkOwnerAnswers', () => {
  it('gives the error of each question that has one, by key', () => {
    expect(
      checkOwnerAnswers([company, plans, billing, menu], {
        company: 'Acme',
        plans: '',
        billing_email: 'x',
      }),
    ).toEqual({ plans: 'required', billing_email: 'badEmail', menu: 'required' });
    expect(checkOwnerAnswers([company], { company: 'Acme' })).toEqual({});
  });
});

describe('toOwnerAttributes', () => {
  const all = [company, plans, billing, guests, event, menu];
  const answers = {
    company: ' Acme ',
    plans: 'Buffet',
    billing_email: '',
    guests: '40',
    event: 'Wedding',
    menu: true,
  };

  it('turns the answers into attributes in declaration order, leaving out the empty ones', () => {
    expect(toOwnerAttributes(all, answers)).toEqual([
      { key: 'company', value: 'Acme' },
      { key: 'plans', value: 'Buffet' },
      { key: 'guests', value: '40' },
      { key: 'event', value: 'Wedding' },
      { key: 'menu', value: 'yes' },
    ]);
  });

  it('makes attributes the relay accepts', () => {
    const lead = {
      uuid: '7e88d192-9b20-4035-9b68-d4ac3d58a34f',
      botId: 'bot1',
      customerId: 'cust1',
      name: 'Ada',
      attributes: toOwnerAttributes(all, answers),
    };
    expect(leadSubmissionSchema.safeParse(lead).error?.issues).toBeUndefined();
  });

  it('never sends an answer that fails its check', () => {
    expect(toOwnerAttributes([guests, event], { guests: '9999', event: 'Funeral' })).toEqual([]);
  });
});
