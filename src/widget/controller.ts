// The FormController the UI talks to: builds and sends submissions, passes prefills on,
// and announces what happened as widget events.
import type { Events } from './events.ts';
import type { Outbox } from './offline-queue.ts';
import type { Attribute } from './page-context.ts';
import { buildSubmission, type LeadSubmission, leadFields } from './submission.ts';
import type { PostResult } from './transport.ts';
import type { FormController, Prefill, SubmitOutcome, WidgetSettings } from './types.ts';

export interface ControllerDeps {
  settings: WidgetSettings;
  events: Events;
  outbox: Outbox;
  /** The chat session UUID, looked up at submit time. */
  uuid(): string;
  /** Page context attributes, read at submit time (the URL may have changed in an SPA). */
  context(): Attribute[];
}

export interface Controller extends FormController {
  prefill(prefill: Prefill): void;
}

export function createController(deps: ControllerDeps): Controller {
  const { settings, events } = deps;
  let pending: Promise<SubmitOutcome> | undefined;
  let prefilled: Prefill = {};
  const listeners = new Set<(prefill: Prefill) => void>();

  return {
    settings,
    submit(values) {
      // A second submit while one is in flight gets the same answer, not a second request.
      pending ??= (async () => {
        const context = settings.context ? deps.context() : [];
        const body = buildSubmission(values, settings, deps.uuid(), context);
        events.emit('submit', { uuid: body.uuid, fields: leadFields(body) });
        return announce(events, body, await deps.outbox.send(settings.relayUrl, body));
      })()
        .catch((): SubmitOutcome => ({ kind: 'failed', status: 0 }))
        .finally(() => {
          pending = undefined;
        });
      return pending;
    },
    onPrefill(listener) {
      listeners.add(listener);
      // Prefills made before the form mounted are kept for it.
      if (Object.keys(prefilled).length) listener(prefilled);
      return () => listeners.delete(listener);
    },
    emit: events.emit,
    prefill(prefill) {
      if (!Object.keys(prefill).length) return;
      prefilled = { ...prefilled, ...prefill };
      for (const listener of listeners) listener(prefill);
    },
  };
}

/**
 * Announces a relay's answer as `success` or `error` (with `reason`) and says what it means for
 * the form. A submission kept for resending is announced once it lands, not before.
 */
export function announce(events: Events, body: LeadSubmission, result: PostResult): SubmitOutcome {
  const { kind, ...rest } = result;
  if (kind === 'retry') return { kind: 'queued' };
  const detail = { uuid: body.uuid, fields: leadFields(body) };
  events.emit(
    kind === 'sent' ? 'success' : 'error',
    kind === 'sent' ? detail : { ...detail, reason: kind, ...rest },
  );
  return kind === 'refused' ? { ...(rest as { status: number }), kind: 'failed' } : result;
}
