// Page facts sent as lead attributes when data-context is on: where the lead came from.

export type Attribute = { key: string; value: string };

const UTM = ['source', 'medium', 'campaign', 'term', 'content'];

/** page_url, referrer, utm_* from the query, and the form's locale; empty ones left out. */
export function pageContext(
  location: { href: string; search: string },
  referrer: string,
  locale: string,
): Attribute[] {
  const query = new URLSearchParams(location.search);
  const found: Attribute[] = [
    { key: 'page_url', value: location.href },
    { key: 'referrer', value: referrer },
    ...UTM.map((name) => ({ key: `utm_${name}`, value: query.get(`utm_${name}`) ?? '' })),
    { key: 'locale', value: locale },
  ];
  return found.filter((attribute) => attribute.value);
}
