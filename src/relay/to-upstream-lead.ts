// A validated widget submission → the body of eleapi's `PUT /inbox/direct/lead`.
import type { LeadStatus, UpsertLeadBody } from '../shared/eleapi-api.ts';
import { normalizePhone } from '../shared/lead-fields.ts';
import type { ParsedLeadSubmission } from '../shared/lead-submission.ts';

/** Attribute key the relay writes for consent; the browser may not set it itself. */
export const CONSENT_ATTRIBUTE = 'consent';
export const MESSAGE_NOTE_TITLE = 'Message';

/** Privileged fields: they come from relay configuration only, never from the browser. */
export interface UpstreamDefaults {
  defaultStatus: LeadStatus | undefined;
  agentId: string | undefined;
  pictureUrl: string | undefined;
}

/**
 * Maps a submission to the upstream lead. Empty fields are dropped (the upsert would blank
 * them), the phone goes as national digits next to its dial code, the message becomes a note,
 * and consent becomes an attribute stamped with the time the relay accepted it.
 */
export function toUpstreamLead(
  lead: ParsedLeadSubmission,
  defaults: UpstreamDefaults,
  acceptedAt: Date,
): UpsertLeadBody {
  const body: UpsertLeadBody = { uuid: lead.uuid, botId: lead.botId, customerId: lead.customerId };
  if (defaults.agentId) body.agentId = defaults.agentId;
  if (defaults.defaultStatus) body.status = defaults.defaultStatus;
  if (defaults.pictureUrl) body.picture = defaults.pictureUrl;
  if (lead.name) body.name = lead.name;
  if (lead.email) body.email = lead.email;
  // A dial code alone says nothing about the visitor: it rides along with a phone only.
  if (lead.phone && lead.dialCode) {
    body.phone = normalizePhone(lead.phone, lead.dialCode);
    body.dialCode = lead.dialCode;
  }
  if (lead.message) body.notes = [{ title: MESSAGE_NOTE_TITLE, description: lead.message }];
  if (lead.tags?.length) body.tags = [...new Set(lead.tags)];
  const attributes = [...(lead.attributes ?? [])];
  if (lead.consent === true) {
    attributes.push({ key: CONSENT_ATTRIBUTE, value: acceptedAt.toISOString() });
  }
  if (attributes.length) body.attributes = attributes;
  return body;
}

/** Index of an attribute that tries to set the relay-owned consent stamp, or -1. */
export function reservedAttributeIndex(lead: ParsedLeadSubmission): number {
  return (lead.attributes ?? []).findIndex(
    (attribute) => attribute.key.toLowerCase() === CONSENT_ATTRIBUTE,
  );
}
