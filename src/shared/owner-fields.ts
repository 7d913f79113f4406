// The site owner's own questions, declared without code beside the tag as JSON:
//   <script type="application/json" data-eleapi-leads-fields>[{ "kind": "text", … }]</script>
// A JSON data block, not attributes: the browser never runs it (no CSP change, no eval), and
// options and per-locale labels are nested data that attributes would need a mini-language for.
// Each answer goes to eleapi as an attribute, so keys and lengths follow lead-attributes.ts.
import * as z from 'zod/mini';
import { ATTRIBUTE_KEY, ATTRIBUTE_KEY_RULE } from './lead-attributes.ts';
import { LIMITS } from './lead-fields.ts';

export const OWNER_FIELD_KINDS = [
  'text',
  'textarea',
  'email',
  'number',
  'select',
  'checkbox',
] as const;
export type OwnerFieldKind = (typeof OWNER_FIELD_KINDS)[number];

/**
 * At most this many questions: with page context (up to 8 attributes) and `data-attributes`
 * they share the relay's LIMITS.attributes (20) per lead, and the owner's answers go first.
 */
export const MAX_OWNER_FIELDS = 10;
export const MAX_OPTIONS = 50;
/** Site-supplied UI text shares the attribute value bound, as data-title and friends do. */
const TEXT_MAX = LIMITS.attributeValue;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

const KNOWN = ['kind', 'key', 'label', 'required', 'maxLength', 'options', 'min', 'max'];
const STRINGS = ['text', 'textarea', 'email', 'number'];

const text = (what: string) =>
  z
    .string(`${what} must be text`)
    .check(
      z.trim(),
      z.minLength(1, `${what} must not be empty`),
      z.maxLength(TEXT_MAX, `${what} must be at most ${TEXT_MAX} characters`),
    );

// When neither branch of a union fits, say what the branch of the input's type expected.
const either = <A extends z.ZodMiniType, B extends z.ZodMiniType>(a: A, b: B, expected: string) =>
  z.union([a, b], {
    error: (issue) => {
      if (issue.code !== 'invalid_union') return undefined;
      const input = issue.input;
      const branch = typeof input === 'string' ? 0 : input && typeof input === 'object' ? 1 : -1;
      return issue.errors[branch]?.[0]?.message ?? expected;
    },
  });

// "Company", or { "en": "Company", "ar": "الشركة" }: the form's locale, else its language, else en.
const localizedText = (what: string) =>
  either(
    text(what),
    z
      .record(z.string().check(z.regex(LANGUAGE)), text(what), {
        error: (issue) =>
          issue.code === 'invalid_key'
            ? `${what} languages must be tags like "en", "ar" or "pt-BR"`
            : undefined,
      })
      .check(z.refine((texts) => Object.keys(texts).length > 0, `${what} must not be empty`)),
    `${what} must be text or texts by language, like {"en": "…", "ar": "…"}`,
  );

const option = either(
  text('an option'),
  z.strictObject(
    { value: text('an option value'), label: localizedText('an option label') },
    { error: () => 'an option object holds "value" and "label" only' },
  ),
  'each option must be text, or {"value": "…", "label": …}',
);

const whole = (what: string, min: number, max: number) => {
  const message = `${what} must be a whole number from ${min} to ${max}`;
  return z.int(message).check(z.gte(min, message), z.lte(max, message));
};

/**
 * One question as the owner declares it. `key` is the attribute key sent to eleapi.
 *
 * @example
 * ownerFieldSchema.parse({ kind: 'select', key: 'event', label: { en: 'Event', ar: 'المناسبة' },
 *   options: ['Wedding', { value: 'corporate', label: 'Company party' }], required: true });
 */
export const ownerFieldSchema = z
  .strictObject(
    {
      kind: z.enum(OWNER_FIELD_KINDS, `kind must be one of ${OWNER_FIELD_KINDS.join(', ')}`),
      key: z
        .string('key is required: the attribute key sent to eleapi')
        .check(
          z.maxLength(LIMITS.attributeKey, `key must be ${ATTRIBUTE_KEY_RULE}`),
          z.regex(ATTRIBUTE_KEY, `key must be ${ATTRIBUTE_KEY_RULE}`),
        ),
      label: localizedText('label'),
      required: z.optional(z.boolean('required must be true or false')),
      maxLength: z.optional(whole('maxLength', 1, LIMITS.attributeValue)),
      options: z.optional(
        z
          .array(option, 'options must be a list')
          .check(
            z.minLength(1, 'options must not be empty'),
            z.maxLength(MAX_OPTIONS, `at most ${MAX_OPTIONS} options`),
          ),
      ),
      min: z.optional(z.number('min must be a number')),
      max: z.optional(z.number('max must be a number')),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown ${issue.keys.map((name) => `"${name}"`).join(', ')}; use ${KNOWN.join(', ')}`
          : 'a question must be an object like {"kind": "text", "key": "company", "label": "Company"}',
    },
  )
  .check(
    z.superRefine((field, ctx) => {
      const problem = (message: string) =>
        ctx.issues.push({ code: 'custom', message, input: field });
      // The relay refuses it (it stamps consent itself), which would refuse the whole lead.
      if (field.key.toLowerCase() === 'consent') {
        problem('key "consent" is set by the relay; choose another');
      }
      if (field.kind === 'select' && !field.options) problem('a select needs options');
      if (field.kind !== 'select' && field.options) problem('options are for kind select only');
      if (field.maxLength !== undefined && !STRINGS.includes(field.kind)) {
        problem(`maxLength is for kinds ${STRINGS.join(', ')} only`);
      }
      const bounded = field.min !== undefined || field.max !== undefined;
      if (field.kind !== 'number' && bounded) problem('min and max are for kind number only');
      if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
        problem('min must not be greater than max');
      }
      const values = (field.options ?? []).map((item) =>
        typeof item === 'string' ? item : item.value,
      );
      const twice = values.find((value, index) => values.indexOf(value) !== index);
      if (twice !== undefined) problem(`option "${twice}" is listed twice`);
    }),
  );

export type OwnerFieldDeclaration = z.input<typeof ownerFieldSchema>;
export type LocalizedText = string | Record<string, string>;

/** A question ready to render: defaults applied, options as `{ value, label }`. */
export interface OwnerField {
  kind: OwnerFieldKind;
  key: string;
  label: LocalizedText;
  required: boolean;
  /** For text, textarea, email and number; LIMITS.attributeValue unless declared lower. */
  maxLength: number;
  /** For select; empty for the other kinds. */
  options: { value: string; label: LocalizedText }[];
  min?: number;
  max?: number;
}

/** The text for a locale: the exact tag, else its language, else English, else the first. */
export function localize(label: LocalizedText, locale: string): string {
  if (typeof label === 'string') return label;
  const language = locale.split('-')[0] ?? '';
  return label[locale] ?? label[language] ?? label.en ?? Object.values(label)[0] ?? '';
}

const nameOf = (declared: unknown, index: number) => {
  const key = (declared as { key?: unknown } | null)?.key;
  return `question ${index + 1}${typeof key === 'string' && key ? ` ("${key.slice(0, 40)}")` : ''}`;
};

/**
 * The valid questions of a `data-eleapi-leads-fields` block (its text). Each bad declaration
 * gets one `report` naming it and every problem, and is left out; the rest of the form works.
 *
 * @example
 * const block = document.querySelector('script[data-eleapi-leads-fields]');
 * const fields = parseOwnerFields(block?.textContent ?? '', (message) => console.error(message));
 */
export function parseOwnerFields(json: string, report: (message: string) => void): OwnerField[] {
  const where = 'data-eleapi-leads-fields';
  let declared: unknown;
  try {
    declared = JSON.parse(json);
  } catch (error) {
    report(
      `${where}: the block is not valid JSON (${(error as Error).message}); no questions of your own are shown.`,
    );
    return [];
  }
  if (!Array.isArray(declared)) {
    report(
      `${where}: expected a JSON list of questions, like [{"kind": "text", "key": "company", "label": "Company"}]; no questions of your own are shown.`,
    );
    return [];
  }
  if (declared.length > MAX_OWNER_FIELDS) {
    report(
      `${where}: at most ${MAX_OWNER_FIELDS} questions; ${nameOf(declared[MAX_OWNER_FIELDS], MAX_OWNER_FIELDS)} and later are left out.`,
    );
  }
  const fields: OwnerField[] = [];
  declared.slice(0, MAX_OWNER_FIELDS).forEach((item, index) => {
    const result = ownerFieldSchema.safeParse(item);
    const problems = result.success ? [] : result.error.issues.map((issue) => issue.message);
    if (result.success && fields.some((field) => field.key === result.data.key)) {
      problems.push(`key "${result.data.key}" is used by an earlier question`);
    }
    if (!result.success || problems.length) {
      report(
        `${where}: ${nameOf(item, index)}: ${[...new Set(problems)].join('; ')}. It is left out.`,
      );
      return;
    }
    const { kind, key, label, required, maxLength, options, min, max } = result.data;
    fields.push({
      kind,
      key,
      label,
      required: required ?? false,
      maxLength: maxLength ?? LIMITS.attributeValue,
      options: (options ?? []).map((item) =>
        typeof item === 'string' ? { value: item, label: item } : item,
      ),
      ...(min !== undefined && { min }),
      ...(max !== undefined && { max }),
    });
  });
  return fields;
}
