import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import {
  blankable,
  dialCodeSchema,
  emailSchema,
  FORM_FIELDS,
  type FormField,
  idSchema,
  LIMITS,
  messageSchema,
  nameSchema,
  phoneSchema,
} from '../../src/shared/lead-fields.ts';
import { EMOJI_NAME, NAMES_BY_LOCALE, PERSIAN_NAME } from '../fixtures/names-by-locale.ts';

/** The first message a schema gives for a value, or "ok" with the parsed value. */
function check(schema: z.ZodMiniType, value: unknown): string {
  const result = schema.safeParse(value);
  return result.success ? `ok:${String(result.data)}` : (result.error.issues[0]?.message ?? '');
}

describe('the field schemas', () => {
  it('are each built once, on first call', () => {
    for (const schema of [nameSchema, emailSchema, phoneSchema, dialCodeSchema, messageSchema]) {
      expect(schema()).toBe(schema());
    }
  });
});

describe('name', () => {
  it('is trimmed', () => expect(check(nameSchema(), '  Ana Lima \t')).toBe('ok:Ana Lima'));
  it(`accepts ${LIMITS.name} characters and refuses one more`, () => {
    expect(check(nameSchema(), 'a'.repeat(LIMITS.name))).toMatch(/^ok:/);
    expect(check(nameSchema(), 'a'.repeat(LIMITS.name + 1))).toBe(
      'name must be at most 120 characters',
    );
  });
  it('counts length after trimming', () => {
    expect(check(nameSchema(), ` ${'a'.repeat(LIMITS.name)} `)).toMatch(/^ok:/);
  });
  it('removes control characters, bidi overrides and invisible spacers', () => {
    expect(check(nameSchema(), 'Ana\u0000\u001b Lima')).toBe('ok:Ana Lima');
    expect(check(nameSchema(), 'Bob \u202Egnp.exe\u200B')).toBe('ok:Bob gnp.exe');
  });
  it('keeps a name on one line', () => {
    expect(check(nameSchema(), 'Ana\n\tLima')).toBe('ok:Ana  Lima');
  });
  it.each([...Object.entries(NAMES_BY_LOCALE), ['fa', PERSIAN_NAME], ['emoji', EMOJI_NAME]])(
    'keeps a %s name as written',
    (_locale, name) => {
      expect(check(nameSchema(), name)).toBe(`ok:${name}`);
    },
  );
  it('composes accents before counting length', () => {
    const decomposed = 'e\u0301'.repeat(LIMITS.name);
    expect(check(nameSchema(), decomposed)).toBe(`ok:${'é'.repeat(LIMITS.name)}`);
  });
  it('refuses half of a surrogate pair, naming the field', () => {
    expect(check(nameSchema(), 'Ana \uD83D')).toBe(
      'name must be well-formed text (it holds half of a surrogate pair)',
    );
  });
  it('accepts letters of any script', () =>
    expect(check(nameSchema(), 'نور ñ 李')).toBe('ok:نور ñ 李'));
  it('refuses a non-string, naming the field', () => {
    expect(check(nameSchema(), 42)).toBe('name must be text');
    expect(check(nameSchema(), undefined)).toBe('name is required');
  });
});

describe('email', () => {
  it('is trimmed and lower-cased', () => {
    expect(check(emailSchema(), '  Ana.Lima@Example.COM ')).toBe('ok:ana.lima@example.com');
  });
  it('refuses text that is not an address', () => {
    for (const bad of ['ana', 'ana@', '@example.com', 'ana@example', 'a b@example.com']) {
      expect(check(emailSchema(), bad)).toBe('email must be an address like name@example.com');
    }
  });
  it(`refuses more than ${LIMITS.email} characters`, () => {
    expect(check(emailSchema(), `${'a'.repeat(64)}@${'b'.repeat(200)}.com`)).toBe(
      'email must be at most 254 characters',
    );
  });
});

describe('phone and dial code', () => {
  it('accepts digits, spaces, dots, dashes and brackets, trimmed', () => {
    expect(check(phoneSchema(), ' (020) 7946-0958. ')).toBe('ok:(020) 7946-0958.');
  });
  it('accepts a leading "+", a tel: URI and an extension, as people paste them', () => {
    expect(check(phoneSchema(), '+44 7911 123456')).toBe('ok:+44 7911 123456');
    expect(check(phoneSchema(), 'tel:+447911123456')).toBe('ok:tel:+447911123456');
    expect(check(phoneSchema(), '+1 (202) 555-0123 ext. 12')).toBe('ok:+1 (202) 555-0123 ext. 12');
  });
  it('refuses letters and a "+" inside the number', () => {
    const message =
      'phone must hold digits, spaces, dots, dashes or brackets, and may start with "+" or "tel:"';
    expect(check(phoneSchema(), '0800-FLOWERS')).toBe(message);
    expect(check(phoneSchema(), '0791 +123456')).toBe(message);
    expect(check(phoneSchema(), 'ext. 12')).toBe(message);
  });
  it(`refuses more than ${LIMITS.phone} characters`, () => {
    expect(check(phoneSchema(), '1'.repeat(LIMITS.phone + 1))).toBe(
      'phone must be at most 32 characters',
    );
  });
  it('accepts a known dial code with "+", trimmed, and refuses others', () => {
    expect(check(dialCodeSchema(), ' +44 ')).toBe('ok:+44');
    const message = 'dialCode must be a country calling code with "+", like "+44"';
    expect(check(dialCodeSchema(), '44')).toBe(message);
    expect(check(dialCodeSchema(), '+999')).toBe(message);
  });
});

describe('ids and message', () => {
  it('accepts ids of letters, digits, "_" and "-" and names the field otherwise', () => {
    const botId = idSchema('botId');
    expect(check(botId, ' abc_D-9 ')).toBe('ok:abc_D-9');
    expect(check(botId, 'a/b')).toBe('botId must be letters, digits, "_" or "-"');
    expect(check(botId, 'a'.repeat(LIMITS.id + 1))).toBe('botId must be at most 64 characters');
  });
  it(`bounds the message at ${LIMITS.message} characters`, () => {
    expect(check(messageSchema(), 'm'.repeat(LIMITS.message))).toMatch(/^ok:/);
    expect(check(messageSchema(), 'm'.repeat(LIMITS.message + 1))).toBe(
      'message must be at most 2000 characters',
    );
  });
  it('keeps newlines and tabs in the message, and removes other controls and bidi overrides', () => {
    expect(check(messageSchema(), 'Hi,\r\n\tcall me\u001b\u0000 \u202Eplease')).toBe(
      'ok:Hi,\n\tcall me please',
    );
  });
  it('refuses half of a surrogate pair in the message, naming it', () => {
    expect(check(messageSchema(), '\uDE00 hello')).toBe(
      'message must be well-formed text (it holds half of a surrogate pair)',
    );
  });
});

describe('blankable', () => {
  it('takes "" and absence as "not given", and checks anything else', () => {
    const optionalEmail = blankable(emailSchema());
    expect(check(optionalEmail, '')).toBe('ok:');
    expect(check(optionalEmail, undefined)).toBe('ok:undefined');
    expect(check(optionalEmail, 'nope')).toBe('email must be an address like name@example.com');
  });
  it('says what the field expects when a value is of the wrong type', () => {
    expect(check(blankable(nameSchema()), 42)).toBe('name must be text');
  });
});

describe('types', () => {
  it('infers plain strings and the field list', () => {
    expectTypeOf<z.output<ReturnType<typeof nameSchema>>>().toEqualTypeOf<string>();
    expectTypeOf<
      z.output<ReturnType<typeof blankable<ReturnType<typeof emailSchema>>>>
    >().toEqualTypeOf<string | undefined>();
    expectTypeOf(FORM_FIELDS).toEqualTypeOf<readonly ['name', 'email', 'phone', 'message']>();
    // @ts-expect-error "website" is the honeypot, never a field a site can show.
    const honeypot: FormField = 'website';
    expect(FORM_FIELDS).not.toContain(honeypot);
  });
});
