// A validated widget submission → the body of eleapi's `PUT /inbox/direct/lead`.
import type { LeadStatus, UpsertLeadBody } from '../shared/eleapi-api.ts';
import type { ParsedLeadSubmission } from '../shared/lead-submission.ts';
import type { CheckedLead } from './phone-check.ts';

/** Attribute key the relay writes for consent; the browser may not set it itself. */
export const CONSENT_ATTRIBUTE = 'consent';
export const MESSAGE_NOTE_TITLE = 'Message';
export const EXTENSION_NOTE_TITLE = 'Phone extension';

/** Privileged fields: they come from relay configuration only, never from the browser. */
export interface UpstreamDefaults {
  defaultStatus: LeadStatus | undefined;
  agentId: string | undefined;
  pictureUrl: string | undefined;
}

/**
 * Maps a checked submission to the upstream lead. Empty fields are dropped (the upsert would
 * blank them), the phone goes as checked (national number, dial code with "+"), the message and
 * a phone extension become notes, and consent becomes an attribute stamped with the time the
 * relay accepted it.
 */
export function toUpstreamLead(
  lead: CheckedLead,
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
    body.phone = lead.phone;
    body.dialCode = lead.dialCode;
  }
  const notes = [];
  if (lead.message) notes.push({ title: MESSAGE_NOTE_TITLE, description: lead.message });
  // eleapi has no extension field; a note keeps it next to the number for whoever calls.
  if (lead.phoneExtension) {
    notes.push({ title: EXTENSION_NOTE_TITLE, description: lead.phoneExtension });
  }
  if (notes.length) body.notes = notes;
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
