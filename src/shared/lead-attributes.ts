// The rules of one lead attribute ({key, value}), shared by the relay (lead-submission.ts) and
// the widget (the owner's questions, data-attributes), so a key one end accepts the other does.
import * as z from 'zod/mini';
import { LIMITS, trimmed } from './lead-fields.ts';

/**
 * An attribute key: a letter or digit, then letters, digits, `_`, `-` or `.`, as CRM and
 * spreadsheet columns take them (eleapi's own example key is `ID`; ours are `page_url`,
 * `utm_source`). No spaces, so a key reads the same in the inbox, the CSV and a filter.
 */
export const ATTRIBUTE_KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export const ATTRIBUTE_KEY_RULE = `1 to ${LIMITS.attributeKey} letters, digits, "_", "-" or ".", starting with a letter or digit`;

export const attributeKeySchema = trimmed(
  LIMITS.attributeKey,
  'attribute key',
  // Aborts so an empty key gets this message alone, not the pattern's as well.
  z.minLength(1, { error: 'attribute key must not be empty', abort: true }),
  z.regex(ATTRIBUTE_KEY, `attribute key must be ${ATTRIBUTE_KEY_RULE}`),
);

export const attributeValueSchema = trimmed(LIMITS.attributeValue, 'attribute value');

/** Whether `key` is an attribute key both ends accept (already trimmed). */
export const isAttributeKey = (key: string): boolean =>
  key.length <= LIMITS.attributeKey && ATTRIBUTE_KEY.test(key);
