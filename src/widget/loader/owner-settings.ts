// The issue-12 settings of the tag the loader needs (data-open, data-datalayer, data-form-id,
// data-remember-days; the chunk reads data-prefill-from-url and data-success-url), read by their
// modules' parsers, and what the loader does with them: it fetches the chunk when a data-open
// delay is due (the chunk arms the open), and after an accepted lead it sets the remembered flag
// and pushes to the data layer (README "When it opens, what it asks, what it reports").
import { parseDataLayer, pushLeadConversion } from '../data-layer.ts';
import { openRuleOf, suppressAutoOpen } from '../open-rules.ts';
import { createRemember, parseRememberDays } from '../remember.ts';
import type { SafeStorage } from '../safe-storage.ts';
import type { Report } from '../types.ts';
import type { SetTimer } from './timer.ts';

export interface OwnerBehaviourDeps {
  window: Window & typeof globalThis;
  local: SafeStorage;
  session: SafeStorage;
  setTimer: SetTimer;
  now(): number;
  report: Report;
}

export function ownerBehaviour(attrs: Record<string, string>, deps: OwnerBehaviourDeps) {
  const { window: win, session, now, report } = deps;
  // Read leniently: the chunk arms data-open and reports a bad value (auto-open.ts).
  const open = openRuleOf(attrs['data-open']?.trim() ?? '');
  const dataLayer = parseDataLayer(attrs, report);
  const remember = createRemember(deps.local, parseRememberDays(attrs, report));
  let cancelDelay = () => {};
  return {
    remembered: () => remember.isRemembered(now()),
    forget: remember.forget,
    /**
     * Floating mode: data-open="delay:N" fetches the chunk, which arms the rule, by the time it
     * is due, unless the visitor is remembered (nothing to ask). `dispose` removes the timer.
     */
    fetchByDelay(fetchForm: () => void) {
      if (open?.kind !== 'delay' || remember.isRemembered(now())) return;
      cancelDelay = deps.setTimer(fetchForm, open.seconds * 1000);
    },
    /** The visitor closed the panel: no automatic open for the rest of the session. */
    closed: () => suppressAutoOpen(session, 'closed'),
    /**
     * The relay accepted a lead, after its `success` event. `own`: sent from this page (not an
     * earlier page's lead landing from the outbox), so only then the page may navigate away.
     */
    accepted(own: boolean) {
      remember.remember(now());
      if (dataLayer.enabled) pushLeadConversion(win, dataLayer.formId, report);
      if (own) suppressAutoOpen(session, 'sent');
    },
    dispose: () => cancelDelay(),
  };
}
