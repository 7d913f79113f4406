// The relay's checks of what the owner's questions send as attributes (issue 12): the keys the
// field parser accepts, values up to the shared bound, and the count.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/shared/lead-fields.ts';
import { toOwnerAttributes } from '../../../src/shared/owner-answers.ts';
import { MAX_OWNER_FIELDS, parseOwnerFields } from '../../../src/shared/owner-fields.ts';
import { eventually, validLead } from '../../_util/relay/fixtures.ts';
import { type Harness, startHarness } from '../../_util/relay/harness.ts';

let h: Harness;
beforeEach(() => {
  h = startHarness();
});
afterEach(() => h.close());

async function expect400(
  attributes: { key: string; value: string }[],
  path: string,
  message: RegExp,
) {
  const response = await h.post(validLead({ attributes }));
  expect(response.status).toBe(400);
  expect((await response.json()).issues).toEqual([
    { path, message: expect.stringMatching(message) },
  ]);
}

describe('POST /v1/leads with the owner’s questions', () => {
  it('delivers the answers to eleapi as attributes, exactly as the widget builds them', async () => {
    const fields = parseOwnerFields(
      JSON.stringify([
        { kind: 'text', key: 'company', label: { en: 'Company', ar: 'الشركة' } },
        { kind: 'number', key: 'guests', label: 'Guests' },
        { kind: 'select', key: 'event', label: 'Event', options: ['Wedding', 'Birthday'] },
        { kind: 'checkbox', key: 'menu', label: 'Send me the menu' },
        { kind: 'textarea', key: 'plans', label: 'Plans' },
      ]),
      (message) => {
        throw new Error(message);
      },
    );
    const attributes = toOwnerAttributes(fields, {
      company: 'شركة الخبز',
      guests: '40',
      event: 'Wedding',
      menu: true,
      plans: 'p'.repeat(LIMITS.attributeValue),
    });
    const response = await h.post(validLead({ attributes }));
    expect(response.status).toBe(202);
    await eventually(() => h.upstream.delivered().length === 1, 'the lead upstream');
    expect(h.upstream.delivered()[0]?.attributes).toEqual([
      { key: 'company', value: 'شركة الخبز' },
      { key: 'guests', value: '40' },
      { key: 'event', value: 'Wedding' },
      { key: 'menu', value: 'yes' },
      { key: 'plans', value: 'p'.repeat(LIMITS.attributeValue) },
    ]);
  });

  it(`accepts ${MAX_OWNER_FIELDS} answers of the longest length with page context beside them`, async () => {
    const answers = Array.from({ length: MAX_OWNER_FIELDS }, (_, i) => ({
      key: `q${i}`,
      value: 'v'.repeat(LIMITS.attributeValue),
    }));
    const context = [
      'page_url',
      'referrer',
      'utm_source',
      'utm_medium',
      'utm_campaign',
      'utm_term',
      'utm_content',
      'locale',
    ];
    const attributes = [...answers, ...context.map((key) => ({ key, value: 'x' }))];
    expect(attributes.length).toBeLessThanOrEqual(LIMITS.attributes);
    expect((await h.post(validLead({ attributes }))).status).toBe(202);
  });

  it('answers 400 for a key with a space, naming the attribute', async () => {
    await expect400(
      [{ key: 'team size', value: '5' }],
      'attributes.0.key',
      /attribute key must be 1 to 40 letters, digits/,
    );
  });

  it.each(['_hidden', 'a/b', 'kéy', 'a b'])(
    'answers 400 for the key %j the field parser also refuses',
    async (key) => {
      await expect400(
        [
          { key: 'ok', value: '1' },
          { key, value: '1' },
        ],
        'attributes.1.key',
        /attribute key must be/,
      );
      const report: string[] = [];
      parseOwnerFields(JSON.stringify([{ kind: 'text', key, label: 'L' }]), (m) => report.push(m));
      expect(report).toHaveLength(1);
    },
  );

  it('answers 400 for a key over the shared bound', async () => {
    await expect400(
      [{ key: 'k'.repeat(LIMITS.attributeKey + 1), value: '1' }],
      'attributes.0.key',
      /at most 40 characters/,
    );
  });

  it('answers 400 for a value over the shared bound', async () => {
    await expect400(
      [{ key: 'plans', value: 'p'.repeat(LIMITS.attributeValue + 1) }],
      'attributes.0.value',
      /at most 500 characters/,
    );
  });

  it('answers 400 for more attributes than the shared count', async () => {
    const attributes = Array.from({ length: LIMITS.attributes + 1 }, (_, i) => ({
      key: `q${i}`,
      value: '1',
    }));
    await expect400(attributes, 'attributes', /at most 20 attributes/);
  });
});
