// The loader's side of the form (FormCore): sends the bodies the form chunk builds, keeps
// prefills for it, and announces every outcome (first sends and resends alike) as widget events,
// so resends from an earlier page are announced even before the chunk arrives.

import type { FieldIssue, FormCore, LeadSubmission, LoaderSettings, Prefill } from '../types.ts';
import type { Events } from './events.ts';
import type { Outbox } from './offline-queue.ts';
import type { Outcome } from './outcome.ts';
import type { Report } from './settings.ts';
import { isShownPath } from './shown-path.ts';

export interface ControllerDeps {
  settings: LoaderSettings;
  events: Events;
  outbox: Outbox;
  /** The console error for the site owner. */
  report: Report;
  /** The relay accepted a lead, after its `success` event; `own`: sent from this page. */
  accepted?(own: boolean): void;
}

export interface Controller extends FormCore<LoaderSettings> {
  prefill(prefill: Prefill): void;
}

/** The visitor's own fields of a submission: what events carry, never ids or tracking. */
export const leadFields = ({ name, email, phone, dialCode, message, consent }: LeadSubmission) =>
  JSON.parse(JSON.stringify({ name, email, phone, dialCode, message, consent })) as Pick<
    LeadSubmission,
    'name' | 'email' | 'phone' | 'dialCode' | 'message' | 'consent'
  >;

export function createController(deps: ControllerDeps): Controller {
  const { settings, events } = deps;
  let prefilled: Prefill = {};
  const prefillListeners = new Set<(prefill: Prefill) => void>();
  const resentListeners = new Set<(outcome: Outcome) => void>();
  // Submissions of this page, so the form hears when one it showed as kept lands.
  const submitted = new Set<string>();

  // A 400 on a field the form does not show is no reason the visitor can fix.
  const settle = (body: LeadSubmission, outcome: Outcome): Outcome => {
    const final =
      outcome.kind === 'invalid' ? (unfixable(outcome.issues, settings) ?? outcome) : outcome;
    announce(body, final);
    return final;
  };

  const announce = (body: LeadSubmission, outcome: Outcome) => {
    const detail = { uuid: body.uuid, fields: leadFields(body) };
    if (outcome.kind === 'sent') {
      events.emit('success', detail);
      deps.accepted?.(submitted.has(body.uuid));
    } else if (outcome.kind === 'invalid') {
      events.emit('error', { ...detail, reason: 'invalid', issues: outcome.issues });
    } else if (outcome.kind === 'refused') {
      deps.report(`a lead was refused for good: ${outcome.cause}. ${hintFor(outcome.status)}`);
      events.emit('error', {
        ...detail,
        reason: 'refused',
        status: outcome.status,
        cause: outcome.cause,
      });
    }
  };

  deps.outbox.onResent((body, outcome) => {
    const final = settle(body, outcome);
    if (submitted.has(body.uuid)) for (const listener of resentListeners) listener(final);
  });

  return {
    settings,
    report: deps.report,
    async send(body, phoneAsTyped) {
      submitted.add(body.uuid);
      events.emit('submit', { uuid: body.uuid, fields: leadFields(body) });
      return settle(body, await deps.outbox.send(settings.relayUrl, body, phoneAsTyped));
    },
    onResent(listener) {
      resentListeners.add(listener);
      return () => resentListeners.delete(listener);
    },
    onPrefill(listener) {
      prefillListeners.add(listener);
      // Prefills made before the form mounted are kept for it.
      if (Object.keys(prefilled).length) listener(prefilled);
      return () => prefillListeners.delete(listener);
    },
    emit: events.emit,
    prefill(prefill) {
      if (!Object.keys(prefill).length) return;
      prefilled = { ...prefilled, ...prefill };
      for (const listener of prefillListeners) listener(prefill);
    },
  };
}

/** A refusal for good when any issue is on a field the form does not show. */
function unfixable(issues: FieldIssue[], settings: LoaderSettings): Outcome | undefined {
  const hidden = issues.filter((issue) => !isShownPath(issue.path, settings));
  if (!hidden.length) return undefined;
  const named = hidden.map((issue) => `${issue.path} (${issue.message})`).join(', ');
  return {
    kind: 'refused',
    status: 400,
    cause: `the relay refused ${named}, which the form does not show`,
  };
}

const hintFor = (status: number | undefined) =>
  status === 403
    ? 'Check that this page’s origin is in RELAY_ALLOWED_ORIGINS and the bot pair in RELAY_ALLOWED_BOTS.'
    : 'The visitor was asked to reach you another way.';
