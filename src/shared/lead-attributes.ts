// The rules of one lead attribute ({key, value}), shared by the relay (lead-submission.ts) and
// the widget (the owner's questions, data-attributes), so a key one end accepts the other does.
import * as z from 'zod/mini';
import { trimmed } from './lead-fields.ts';
import { ATTRIBUTE_KEY, ATTRIBUTE_KEY_RULE, LIMITS } from './lead-limits.ts';

// The key rule is plain data in lead-limits.ts, so the widget's zod-free code can check keys.
export { ATTRIBUTE_KEY, ATTRIBUTE_KEY_RULE, isAttributeKey } from './lead-limits.ts';

export const attributeKeySchema = trimmed(
  LIMITS.attributeKey,
  'attribute key',
  // Aborts so an empty key gets this message alone, not the pattern's as well.
  z.minLength(1, { error: 'attribute key must not be empty', abort: true }),
  z.regex(ATTRIBUTE_KEY, `attribute key must be ${ATTRIBUTE_KEY_RULE}`),
);

export const attributeValueSchema = trimmed(LIMITS.attributeValue, 'attribute value');
