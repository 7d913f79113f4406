// How two submissions for one lead combine while eleapi has seen neither: the way eleapi
// merges upserts (docs/eleapi-api.md), so that eleapi ends up holding the same whether it was
// up or down in between. Fields given replace, fields left out are kept, notes are appended,
// tags are a union, attributes merge by key (a consent given stays given: the later send of a
// form without the box does not carry the key).
import type { UpsertLeadBody } from '../../shared/eleapi-api.ts';

type Attribute = NonNullable<UpsertLeadBody['attributes']>[number];

/** `later` applied on top of `earlier`, as eleapi would apply the second upsert to the first. */
export function mergeLead(earlier: UpsertLeadBody, later: UpsertLeadBody): UpsertLeadBody {
  const merged: UpsertLeadBody = { ...earlier };
  for (const [field, value] of Object.entries(later) as [keyof UpsertLeadBody, unknown][]) {
    if (value !== undefined) Object.assign(merged, { [field]: value });
  }
  const notes = [...(earlier.notes ?? []), ...(later.notes ?? [])];
  const tags = [...new Set([...(earlier.tags ?? []), ...(later.tags ?? [])])];
  const attributes = mergeByKey(earlier.attributes ?? [], later.attributes ?? []);
  if (notes.length > 0) merged.notes = notes;
  if (tags.length > 0) merged.tags = tags;
  if (attributes.length > 0) merged.attributes = attributes;
  return merged;
}

function mergeByKey(earlier: readonly Attribute[], later: readonly Attribute[]): Attribute[] {
  const byKey = new Map(earlier.map((attribute) => [attribute.key, attribute]));
  for (const attribute of later) byKey.set(attribute.key, attribute);
  return [...byKey.values()];
}
