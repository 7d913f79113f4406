// What the live region says: what happened to the submission, in the visitor's terms.
import type { KeptReason } from '../loader/outcome.ts';
import type { Strings } from './strings.ts';
import type { ViewState } from './view-state.ts';

const KEPT: Record<KeptReason, keyof Strings> = {
  offline: 'keptOffline',
  unreachable: 'keptUnreachable',
  'rate-limited': 'keptRateLimited',
};

export function statusText(t: Strings, { busy, outcome, errors }: ViewState): string {
  if (busy) return t.sending;
  if (outcome?.kind === 'sent') return t.sent;
  if (outcome?.kind === 'kept')
    return t[outcome.inMemoryOnly ? 'keptInMemory' : KEPT[outcome.reason]];
  if (outcome?.kind === 'refused') return t.refused;
  const count = Object.keys(errors).length;
  return count ? t.checkFields.replace('%', String(count)) : '';
}
