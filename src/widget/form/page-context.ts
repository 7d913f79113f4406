// Page facts sent as lead attributes when data-context is on: where the lead came from.
import type { Attribute } from '../types.ts';

/** page_url, referrer, utm_* from the query, and the form's locale; empty ones left out. */
export function pageContext(
  location: { href: string; search: string },
  referrer: string,
  locale: string,
): Attribute[] {
  const query = new URLSearchParams(location.search);
  const found: [string, string | null][] = [
    ['page_url', location.href],
    ['referrer', referrer],
    ...['source', 'medium', 'campaign', 'term', 'content'].map((name): [string, string | null] => [
      `utm_${name}`,
      query.get(`utm_${name}`),
    ]),
    ['locale', locale],
  ];
  return found.flatMap(([key, value]) => (value ? [{ key, value }] : []));
}
