import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type FieldIssue,
  type LeadSubmission,
  leadSubmissionSchema,
  type ParsedLeadSubmission,
  toFieldIssues,
} from '../../src/shared/lead-submission.ts';

const IDS = { uuid: '7e88d192-9b20-4035-9b68-d4ac3d58a34f', botId: 'bot_1', customerId: 'cust-1' };

function issues(body: unknown): FieldIssue[] {
  const result = leadSubmissionSchema.safeParse(body);
  return result.success ? [] : toFieldIssues(result.error);
}

function parse(body: unknown): ParsedLeadSubmission {
  return leadSubmissionSchema.parse(body);
}

describe('lead submission', () => {
  it('accepts the full body the widget sends', () => {
    const body = {
      ...IDS,
      name: 'Ana',
      email: 'ana@example.com',
      phone: '7911 123456',
      dialCode: '+44',
      message: 'Call me',
      consent: true,
      tags: ['web'],
      attributes: [{ key: 'page', value: '/pricing' }],
      website: '',
    };
    expect(parse(body)).toEqual(body);
  });

  it('trims every string and lower-cases the email', () => {
    const parsed = parse({
      ...IDS,
      name: ' Ana ',
      email: ' ANA@Example.com ',
      tags: [' web '],
      attributes: [{ key: ' page ', value: ' /a ' }],
    });
    expect(parsed).toMatchObject({
      name: 'Ana',
      email: 'ana@example.com',
      tags: ['web'],
      attributes: [{ key: 'page', value: '/a' }],
    });
  });

  it('treats blank fields as not given', () => {
    expect(
      parse({ ...IDS, name: '', email: 'a@example.com', phone: '', dialCode: '', message: '' }),
    ).toEqual({
      ...IDS,
      name: '',
      email: 'a@example.com',
      phone: '',
      dialCode: '',
      message: '',
    });
    expect(issues({ ...IDS, name: '   ', email: '' })).toEqual([
      { path: 'email', message: 'a lead needs at least one of name, email or phone' },
    ]);
  });

  it.each([
    ['name', { name: 'Ana' }],
    ['email', { email: 'a@example.com' }],
    ['phone', { phone: '9876543210', dialCode: '+91' }],
  ])('is a lead with only %s', (_, contact) => {
    expect(issues({ ...IDS, ...contact })).toEqual([]);
  });

  it('needs at least one contact detail', () => {
    expect(issues(IDS)).toEqual([
      { path: 'email', message: 'a lead needs at least one of name, email or phone' },
    ]);
  });

  it('rejects unknown fields, naming each', () => {
    expect(issues({ ...IDS, name: 'A', status: 'OPEN', agentId: 'x' })).toEqual([
      { path: '(body)', message: 'unknown field(s) "status", "agentId" in the lead' },
    ]);
    expect(
      issues({ ...IDS, name: 'A', attributes: [{ key: 'k', value: 'v', secret: 1 }] }),
    ).toEqual([{ path: 'attributes.0', message: 'unknown field(s) "secret" in an attribute' }]);
  });

  it('needs dialCode with a phone, and leaves whether the number exists to the relay', () => {
    expect(issues({ ...IDS, phone: '9876543210' })).toEqual([
      { path: 'dialCode', message: 'dialCode is required with phone' },
    ]);
    // libphonenumber judges the number (src/relay/phone-check.ts), not the shared schema.
    expect(issues({ ...IDS, phone: '98765', dialCode: '+91' })).toEqual([]);
    expect(issues({ ...IDS, phone: '07911 123456', dialCode: '+44' })).toEqual([]);
  });

  it('takes a dialCode without a phone', () => {
    expect(issues({ ...IDS, name: 'A', dialCode: '+44' })).toEqual([]);
  });

  it('checks the ids', () => {
    expect(issues({ ...IDS, uuid: 'chat-1', name: 'A' })).toEqual([
      { path: 'uuid', message: 'uuid must be a UUID like 7e88d192-9b20-4035-9b68-d4ac3d58a34f' },
    ]);
    expect(issues({ uuid: IDS.uuid, customerId: 'c', name: 'A' })).toEqual([
      { path: 'botId', message: 'botId is required' },
    ]);
    expect(issues({ ...IDS, customerId: 'c/../d', name: 'A' })).toEqual([
      { path: 'customerId', message: 'customerId must be letters, digits, "_" or "-"' },
    ]);
  });

  it('bounds tags and attributes', () => {
    expect(
      issues({ ...IDS, name: 'A', tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }),
    ).toEqual([{ path: 'tags', message: 'at most 10 tags' }]);
    expect(issues({ ...IDS, name: 'A', tags: ['ok', ' '] })).toEqual([
      { path: 'tags.1', message: 'tags must not be empty' },
    ]);
    expect(issues({ ...IDS, name: 'A', tags: ['t'.repeat(41)] })).toEqual([
      { path: 'tags.0', message: 'tag must be at most 40 characters' },
    ]);
    const many = Array.from({ length: 21 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    expect(issues({ ...IDS, name: 'A', attributes: many })).toEqual([
      { path: 'attributes', message: 'at most 20 attributes' },
    ]);
    expect(issues({ ...IDS, name: 'A', attributes: [{ key: '', value: 'v' }] })).toEqual([
      { path: 'attributes.0.key', message: 'attribute key must not be empty' },
    ]);
  });

  it('checks consent and bounds the honeypot', () => {
    expect(issues({ ...IDS, name: 'A', consent: 'yes' })).toEqual([
      { path: 'consent', message: 'consent must be true or false' },
    ]);
    expect(issues({ ...IDS, name: 'A', website: 'w'.repeat(121) })).toEqual([
      { path: 'website', message: 'website must be at most 120 characters' },
    ]);
  });

  it.each([null, 'lead', [], 42])('refuses a body that is not an object (%j)', (body) => {
    expect(issues(body)).toEqual([{ path: '(body)', message: 'the lead must be a JSON object' }]);
  });

  it('names the field when a value has the wrong type', () => {
    expect(issues({ ...IDS, name: 42 })).toEqual([{ path: 'name', message: 'name must be text' }]);
  });
});

describe('lead submission types', () => {
  it('infers the body the widget builds and the relay reads', () => {
    expectTypeOf<LeadSubmission['uuid']>().toEqualTypeOf<string>();
    expectTypeOf<LeadSubmission['name']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<LeadSubmission['consent']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<ParsedLeadSubmission['attributes']>().toEqualTypeOf<
      { key: string; value: string }[] | undefined
    >();
    const lead: LeadSubmission = { ...IDS, name: 'A' };
    // @ts-expect-error status is privileged: only relay configuration sets it.
    const withStatus: LeadSubmission = { ...lead, status: 'OPEN' };
    expect(issues(withStatus)).not.toEqual([]);
  });
});
