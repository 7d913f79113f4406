// The site owner's own questions, declared without code beside the tag as JSON:
//   <script type="application/json" data-eleapi-leads-fields>[{ "kind": "text", … }]</script>
// A JSON data block, not attributes: the browser never runs it (no CSP change, no eval), and
// options and per-locale labels are nested data that attributes would need a mini-language for.
// Each answer goes to eleapi as an attribute, so keys follow the shared ATTRIBUTE_KEY (lead-limits.ts).
import { ATTRIBUTE_KEY, ATTRIBUTE_KEY_RULE, LIMITS } from './lead-limits.ts';

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

// Plain checks, not a zod object schema: this runs in the form chunk, where zod's object,
// union and record parsers cost ~4 KB of gzip (README "Decisions (issue 12)").
type Problems = string[];
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Trimmed, non-empty text of at most TEXT_MAX characters, or undefined (a problem noted). */
function text(value: unknown, what: string, problems: Problems): string | undefined {
  if (typeof value !== 'string') return void problems.push(`${what} must be text`);
  const trimmed = value.trim();
  if (!trimmed) return void problems.push(`${what} must not be empty`);
  if (trimmed.length > TEXT_MAX) {
    return void problems.push(`${what} must be at most ${TEXT_MAX} characters`);
  }
  return trimmed;
}

// "Company", or { "en": "Company", "ar": "الشركة" }: the form's locale, else its language, else en.
function localizedText(
  value: unknown,
  what: string,
  problems: Problems,
): LocalizedText | undefined {
  if (typeof value === 'string') return text(value, what, problems);
  if (!isRecord(value)) {
    return void problems.push(
      `${what} must be text or texts by language, like {"en": "…", "ar": "…"}`,
    );
  }
  const entries = Object.entries(value);
  if (!entries.length) return void problems.push(`${what} must not be empty`);
  const before = problems.length;
  const texts: Record<string, string> = {};
  for (const [language, item] of entries) {
    if (!LANGUAGE.test(language)) {
      problems.push(`${what} languages must be tags like "en", "ar" or "pt-BR"`);
    }
    const checked = text(item, what, problems);
    if (checked !== undefined) texts[language] = checked;
  }
  return problems.length === before ? texts : undefined;
}

function option(value: unknown, problems: Problems) {
  if (typeof value === 'string') {
    const checked = text(value, 'an option', problems);
    return checked === undefined ? undefined : { value: checked, label: checked };
  }
  if (!isRecord(value)) {
    return void problems.push('each option must be text, or {"value": "…", "label": …}');
  }
  if (Object.keys(value).some((name) => name !== 'value' && name !== 'label')) {
    return void problems.push('an option object holds "value" and "label" only');
  }
  const checked = text(value.value, 'an option value', problems);
  const label = localizedText(value.label, 'an option label', problems);
  return checked === undefined || label === undefined ? undefined : { value: checked, label };
}

function whole(value: unknown, what: string, min: number, max: number, problems: Problems) {
  if (Number.isInteger(value) && (value as number) >= min && (value as number) <= max) {
    return value as number;
  }
  return void problems.push(`${what} must be a whole number from ${min} to ${max}`);
}

function number(value: unknown, what: string, problems: Problems) {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return void problems.push(`${what} must be a number`);
}

/**
 * One question as the owner declares it, checked: the question ready to render, or every
 * problem found. `key` is the attribute key sent to eleapi.
 *
 * @example
 * checkOwnerField({ kind: 'select', key: 'event', label: { en: 'Event', ar: 'المناسبة' },
 *   options: ['Wedding', { value: 'corporate', label: 'Company party' }], required: true });
 */
export function checkOwnerField(
  declared: unknown,
): { field: OwnerField; problems?: undefined } | { field?: undefined; problems: string[] } {
  if (!isRecord(declared)) {
    return {
      problems: [
        'a question must be an object like {"kind": "text", "key": "company", "label": "Company"}',
      ],
    };
  }
  const problems: Problems = [];
  const unknown = Object.keys(declared).filter((name) => !KNOWN.includes(name));
  if (unknown.length) {
    problems.push(
      `unknown ${unknown.map((name) => `"${name}"`).join(', ')}; use ${KNOWN.join(', ')}`,
    );
  }
  const { kind, key, required, maxLength, options, min, max } = declared;
  const known = (OWNER_FIELD_KINDS as readonly unknown[]).includes(kind);
  if (!known) problems.push(`kind must be one of ${OWNER_FIELD_KINDS.join(', ')}`);
  if (typeof key !== 'string') problems.push('key is required: the attribute key sent to eleapi');
  else if (key.length > LIMITS.attributeKey || !ATTRIBUTE_KEY.test(key)) {
    problems.push(`key must be ${ATTRIBUTE_KEY_RULE}`);
  } else if (key.toLowerCase() === 'consent') {
    // The relay refuses it (it stamps consent itself), which would refuse the whole lead.
    problems.push('key "consent" is set by the relay; choose another');
  }
  const label = localizedText(declared.label, 'label', problems);
  if (required !== undefined && typeof required !== 'boolean') {
    problems.push('required must be true or false');
  }
  const length =
    maxLength === undefined ? undefined : whole(maxLength, 'maxLength', 1, TEXT_MAX, problems);
  const low = min === undefined ? undefined : number(min, 'min', problems);
  const high = max === undefined ? undefined : number(max, 'max', problems);
  let choices: OwnerField['options'] = [];
  if (options !== undefined) {
    if (!Array.isArray(options)) problems.push('options must be a list');
    else if (!options.length) problems.push('options must not be empty');
    else if (options.length > MAX_OPTIONS) problems.push(`at most ${MAX_OPTIONS} options`);
    else {
      choices = options.flatMap((item) => option(item, problems) ?? []);
      const values = choices.map((choice) => choice.value);
      const twice = values.find((value, index) => values.indexOf(value) !== index);
      if (twice !== undefined) problems.push(`option "${twice}" is listed twice`);
    }
  }
  if (known) {
    if (kind === 'select' && options === undefined) problems.push('a select needs options');
    if (kind !== 'select' && options !== undefined)
      problems.push('options are for kind select only');
    if (maxLength !== undefined && !STRINGS.includes(kind as string)) {
      problems.push(`maxLength is for kinds ${STRINGS.join(', ')} only`);
    }
    if (kind !== 'number' && (min !== undefined || max !== undefined)) {
      problems.push('min and max are for kind number only');
    }
  }
  if (low !== undefined && high !== undefined && low > high) {
    problems.push('min must not be greater than max');
  }
  if (problems.length || label === undefined) return { problems };
  return {
    field: {
      kind: kind as OwnerFieldKind,
      key: key as string,
      label,
      required: required === true,
      maxLength: length ?? TEXT_MAX,
      options: choices,
      ...(low !== undefined && { min: low }),
      ...(high !== undefined && { max: high }),
    },
  };
}

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
    const result = checkOwnerField(item);
    const problems = result.problems ?? [];
    if (result.field && fields.some((field) => field.key === result.field.key)) {
      problems.push(`key "${result.field.key}" is used by an earlier question`);
    }
    if (!result.field || problems.length) {
      report(
        `${where}: ${nameOf(item, index)}: ${[...new Set(problems)].join('; ')}. It is left out.`,
      );
      return;
    }
    fields.push(result.field);
  });
  return fields;
}
