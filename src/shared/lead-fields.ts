// Field schemas, shared by the widget (field by field, so the bundle carries no object schema)
// and the relay (composed in lead-submission.ts).
import * as z from 'zod/mini';
import { isKnownDialCode } from './dial-codes.ts';
import { PHONE_TEXT } from './phone-input.ts';
import { cleanText, toOneLine, WELL_FORMED } from './text-hygiene.ts';

/** Upper bounds on every string the widget sends, shared so both ends agree. */
export const LIMITS = {
  id: 64,
  name: 120,
  email: 254,
  phone: 32,
  message: 2000,
  tag: 40,
  tags: 10,
  attributeKey: 40,
  attributeValue: 500,
  attributes: 20,
} as const;

/** Form fields a site can show, in display order. */
export const FORM_FIELDS = ['name', 'email', 'phone', 'message'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

type Check = z.core.$ZodCheck<string>;

// Names the field in every message: "botId is required", not zod's generic "Invalid input".
// Marked pure so that a bundle using some of the schemas (the widget) drops the others.
const textOf = /* @__NO_SIDE_EFFECTS__ */ (label: string, ...checks: Check[]) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? `${label} is required` : `${label} must be text`,
    })
    .check(
      z.regex(WELL_FORMED, `${label} must be well-formed text (it holds half of a surrogate pair)`),
      z.overwrite(cleanText),
      ...checks,
    );

export const trimmed = /* @__NO_SIDE_EFFECTS__ */ (
  max: number,
  label: string,
  ...checks: Check[]
) =>
  textOf(
    label,
    z.overwrite(toOneLine),
    z.trim(),
    z.maxLength(max, `${label} must be at most ${max} characters`),
    ...checks,
  );

// An empty or blank value means "not given": the form sends "" for untouched fields.
// When neither branch fits (a number, say), the union would only say "Invalid input"; the
// field's own schema says what it expects.
export const blankable = <T extends z.ZodMiniType>(schema: T) =>
  z.optional(
    z.union([z.literal(''), schema], {
      error: (issue) =>
        issue.code === 'invalid_union' ? issue.errors[1]?.[0]?.message : undefined,
    }),
  );

// Bot, customer and agent ids as eleapi issues them. The schema bounds the length on its own,
// so that a long id gets one message.
const ID_CHARACTER = '[\\w-]';

/** A bot, customer or agent id: letters, digits, "_" or "-", 1 to LIMITS.id of them. */
export const ID_PATTERN = new RegExp(`^${ID_CHARACTER}{1,${LIMITS.id}}$`);

export const idSchema = (label: string) =>
  trimmed(
    LIMITS.id,
    label,
    z.regex(new RegExp(`^${ID_CHARACTER}+$`), `${label} must be letters, digits, "_" or "-"`),
  );

export const nameSchema = trimmed(LIMITS.name, 'name');

export const emailSchema = textOf(
  'email',
  z.trim(),
  z.toLowerCase(),
  z.maxLength(LIMITS.email, `email must be at most ${LIMITS.email} characters`),
  z.email('email must be an address like name@example.com'),
);

export const phoneSchema = trimmed(
  LIMITS.phone,
  'phone',
  z.regex(
    PHONE_TEXT,
    'phone must hold digits, spaces, dots, dashes or brackets, and may start with "+" or "tel:"',
  ),
);

export const dialCodeSchema = textOf(
  'dialCode',
  z.trim(),
  z.refine(isKnownDialCode, 'dialCode must be a country calling code with "+", like "+44"'),
);

// The one field that keeps newlines and tabs.
export const messageSchema = textOf(
  'message',
  z.trim(),
  z.maxLength(LIMITS.message, `message must be at most ${LIMITS.message} characters`),
);
