// Field schemas, shared by the widget (field by field, so the bundle carries no object schema)
// and the relay (composed in lead-submission.ts).
import * as z from 'zod/mini';
import { isKnownDialCode } from './dial-codes.ts';
import { ID_CHARACTER, LIMITS } from './lead-limits.ts';
import { PHONE_TEXT } from './phone-input.ts';
import { cleanText, toOneLine, WELL_FORMED } from './text-hygiene.ts';

export { FORM_FIELDS, type FormField, ID_PATTERN, LIMITS } from './lead-limits.ts';

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

export const idSchema = (label: string) =>
  trimmed(
    LIMITS.id,
    label,
    z.regex(new RegExp(`^${ID_CHARACTER}+$`), `${label} must be letters, digits, "_" or "-"`),
  );

// Each field's schema is built on its first call, not when the module runs: in the widget this
// module runs in the form chunk's evaluation on idle, where building them all was about a
// quarter of it at 4x CPU (ARCHITECTURE.md "Page cost"); the visitor's first check pays instead.
const onFirstUse = /* @__NO_SIDE_EFFECTS__ */ <T>(build: () => T) => {
  let built: T | undefined;
  return () => (built ??= build());
};

export const nameSchema = onFirstUse(() => trimmed(LIMITS.name, 'name'));

export const emailSchema = onFirstUse(() =>
  textOf(
    'email',
    z.trim(),
    z.toLowerCase(),
    z.maxLength(LIMITS.email, `email must be at most ${LIMITS.email} characters`),
    z.email('email must be an address like name@example.com'),
  ),
);

export const phoneSchema = onFirstUse(() =>
  trimmed(
    LIMITS.phone,
    'phone',
    z.regex(
      PHONE_TEXT,
      'phone must hold digits, spaces, dots, dashes or brackets, and may start with "+" or "tel:"',
    ),
  ),
);

export const dialCodeSchema = onFirstUse(() =>
  textOf(
    'dialCode',
    z.trim(),
    z.refine(isKnownDialCode, 'dialCode must be a country calling code with "+", like "+44"'),
  ),
);

// The one field that keeps newlines and tabs.
export const messageSchema = onFirstUse(() =>
  textOf(
    'message',
    z.trim(),
    z.maxLength(LIMITS.message, `message must be at most ${LIMITS.message} characters`),
  ),
);
