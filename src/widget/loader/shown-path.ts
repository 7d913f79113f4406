// Which relay issue paths the visitor can see (and so fix) in this form.
import type { FormField } from '../../shared/lead-fields.ts';
import type { LoaderSettings } from '../types.ts';

export type ShownSettings = Pick<LoaderSettings, 'fields' | 'consent'>;

/** A shown field, the dial code of a shown phone, or the consent box when there is one. */
export function isShownPath(path: string, settings: ShownSettings): boolean {
  if (path === 'consent') return settings.consent !== undefined;
  const field = path === 'dialCode' ? 'phone' : path;
  return settings.fields.includes(field as FormField);
}
