// Posts a submission to the relay and maps its answer to an Outcome (README, "What each answer
// means").
import type { FieldIssue } from '../../shared/lead-submission.ts';
import { CHALLENGE_ERROR } from '../../shared/pow-challenge.ts';
import type { Outcome } from './outcome.ts';
import type { SetTimer } from './timer.ts';

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface TransportDeps {
  fetch: typeof fetch;
  setTimer: SetTimer;
  /** navigator.onLine: tells "you are offline" from "our server did not answer". */
  online(): boolean;
  timeoutMs?: number | undefined;
}

export interface Transport {
  post(relayUrl: string, body: unknown): Promise<Outcome>;
  /** Aborts requests in flight (they come back as kept) and clears their timers. */
  dispose(): void;
}

export function createTransport(deps: TransportDeps): Transport {
  const inFlight = new Set<AbortController>();
  const notReached = (): Outcome => ({
    kind: 'kept',
    reason: deps.online() ? 'unreachable' : 'offline',
  });
  return {
    async post(relayUrl, body) {
      const abort = new AbortController();
      const cancelTimer = deps.setTimer(() => abort.abort(), deps.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      inFlight.add(abort);
      try {
        const response = await deps.fetch(`${relayUrl}/v1/leads`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: abort.signal,
        });
        return await toOutcome(response);
      } catch {
        return notReached();
      } finally {
        cancelTimer();
        inFlight.delete(abort);
      }
    },
    dispose() {
      for (const abort of inFlight) abort.abort();
    },
  };
}

async function toOutcome(response: Response): Promise<Outcome> {
  const { status } = response;
  if (response.ok) return { kind: 'sent' };
  if (status === 429) {
    const wait = retryAfterMs(response.headers.get('retry-after'));
    return wait === undefined
      ? { kind: 'kept', reason: 'rate-limited' }
      : { kind: 'kept', reason: 'rate-limited', retryAfterMs: wait };
  }
  if (status === 408 || status >= 500) return { kind: 'kept', reason: 'unreachable' };
  const answer: { error?: unknown; issues?: unknown; message?: unknown } | null = await response
    .json()
    .catch(() => null);
  if (status === 400 && Array.isArray(answer?.issues)) {
    return { kind: 'invalid', issues: answer.issues.filter(isIssue) };
  }
  const said = typeof answer?.message === 'string' ? `: ${answer.message}` : '';
  return {
    kind: 'refused',
    status,
    cause: `the relay answered ${status}${said}`,
    ...(status === 400 && answer?.error === CHALLENGE_ERROR && { challenge: true }),
  };
}

/** Retry-After in delay-seconds, as the relay sends it; undefined when absent or another form. */
export function retryAfterMs(header: string | null): number | undefined {
  const text = header?.trim() ?? '';
  return /^\d+$/.test(text) ? Number(text) * 1000 : undefined;
}

const isIssue = (issue: FieldIssue | null) =>
  typeof issue?.path === 'string' && typeof issue.message === 'string';
