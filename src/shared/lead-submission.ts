import * as z from 'zod/mini';
import { attributeKeySchema, attributeValueSchema } from './lead-attributes.ts';
import {
  blankable,
  dialCodeSchema,
  emailSchema,
  idSchema,
  LIMITS,
  messageSchema,
  nameSchema,
  phoneSchema,
  trimmed,
} from './lead-fields.ts';

const unknownKeys = (what: string) => ({
  error: (issue: z.core.$ZodRawIssue) =>
    issue.code === 'unrecognized_keys'
      ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')} in ${what}`
      : `${what} must be a JSON object`,
});

const attributeSchema = z.strictObject(
  {
    key: attributeKeySchema,
    value: attributeValueSchema,
  },
  unknownKeys('an attribute'),
);

/**
 * The body the widget posts to `POST /v1/leads`, and the relay's first check on it.
 * Strict: unknown fields are an error. Strings are trimmed and bounded; email is lower-cased.
 *
 * @example
 * const result = leadSubmissionSchema.safeParse(await request.json());
 * if (!result.success) return { status: 400, issues: toFieldIssues(result.error) };
 * const { uuid, botId, customerId } = result.data;
 */
export const leadSubmissionSchema = z
  .strictObject(
    {
      uuid: z.guid('uuid must be a UUID like 7e88d192-9b20-4035-9b68-d4ac3d58a34f'),
      botId: idSchema('botId').check(z.minLength(1, 'botId is required')),
      customerId: idSchema('customerId').check(z.minLength(1, 'customerId is required')),
      name: blankable(nameSchema()),
      email: blankable(emailSchema()),
      phone: blankable(phoneSchema()),
      dialCode: blankable(dialCodeSchema()),
      message: blankable(messageSchema()),
      consent: z.optional(z.boolean('consent must be true or false')),
      tags: z.optional(
        z
          .array(
            trimmed(LIMITS.tag, 'tag').check(z.minLength(1, 'tags must not be empty')),
            'tags must be a list of text',
          )
          .check(z.maxLength(LIMITS.tags, `at most ${LIMITS.tags} tags`)),
      ),
      attributes: z.optional(
        z
          .array(attributeSchema, 'attributes must be a list of {"key", "value"} objects')
          .check(z.maxLength(LIMITS.attributes, `at most ${LIMITS.attributes} attributes`)),
      ),
      // Honeypot: hidden from people, so any value marks a bot. Bounded like everything else.
      website: z.optional(trimmed(LIMITS.name, 'website')),
      // The solved proof of work (base64 ALTCHA payload), when the relay asks for one.
      challenge: z.optional(
        z
          .string('challenge must be the proof-of-work payload text')
          .check(z.maxLength(4096, 'challenge must be at most 4096 characters')),
      ),
    },
    unknownKeys('the lead'),
  )
  .check(
    z.superRefine((lead, ctx) => {
      if (!lead.name && !lead.email && !lead.phone) {
        ctx.issues.push({
          code: 'custom',
          path: ['email'],
          message: 'a lead needs at least one of name, email or phone',
          input: lead,
        });
      }
      // Whether the number exists for its dial code is the relay's libphonenumber check.
      if (lead.phone && !lead.dialCode) {
        ctx.issues.push({
          code: 'custom',
          path: ['dialCode'],
          message: 'dialCode is required with phone',
          input: lead,
        });
      }
    }),
  );

export type LeadSubmission = z.input<typeof leadSubmissionSchema>;
export type ParsedLeadSubmission = z.output<typeof leadSubmissionSchema>;

export { type FieldIssue, toFieldIssues } from './field-issues.ts';
