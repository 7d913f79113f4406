// The values of data-prefill-from-url: query parameters checked by the shared field schemas.
// In the form chunk, where zod is. Visitors can craft URLs, so a bad value is dropped quietly.
import type * as z from 'zod/mini';
import { emailSchema, nameSchema, phoneSchema } from '../../shared/lead-fields.ts';
import type { UrlPrefillField } from '../url-prefill.ts';

const SCHEMAS: Record<UrlPrefillField, () => z.ZodMiniType<string>> = {
  name: nameSchema,
  email: emailSchema,
  phone: phoneSchema,
};

/** (`?email=ada@example.com&name=Ada`) whose values pass the
 * field's shared schema, as EleapiLeads.prefill() takes them; what fails is left out, silently.
 */
export function prefillFromUrl(
  search: string,
  fields: readonly UrlPrefillField[],
): Partial<Record<UrlPrefillField, string>> {
  const query = new URLSearchParams(search);
  const prefill: Partial<Record<UrlPrefillField, string>> = {};
  for (const field of fields) {
    const parsed = SCHEMAS[field]().safeParse(query.get(field) ?? '');
    if (parsed.success && parsed.data) prefill[field] = parsed.data;
  }
  return prefill;
}
