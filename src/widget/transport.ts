// Posts a submission to the relay and says what happened, in the terms the form and the
// offline queue act on.
import type { FieldIssue } from './types.ts';

export const DEFAULT_TIMEOUT_MS = 10_000;

export type PostResult =
  | { kind: 'sent' }
  /** Not reached (offline, timeout, 408, 5xx): worth sending again later. */
  | { kind: 'retry' }
  | { kind: 'invalid'; issues: FieldIssue[] }
  | { kind: 'refused'; status: number };

export interface TransportDeps {
  fetch: typeof fetch;
  timeoutMs?: number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: never) => void;
}

export interface Transport {
  post(relayUrl: string, body: unknown): Promise<PostResult>;
  /** Aborts requests in flight (they resolve as `retry`) and clears their timers. */
  dispose(): void;
}

export function createTransport(deps: TransportDeps): Transport {
  const inFlight = new Set<AbortController>();
  return {
    async post(relayUrl, body) {
      const abort = new AbortController();
      const timer = deps.setTimeout(() => abort.abort(), deps.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      inFlight.add(abort);
      try {
        const response = await deps.fetch(`${relayUrl}/v1/leads`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: abort.signal,
        });
        const { status } = response;
        if (response.ok) return { kind: 'sent' };
        if (status === 408 || status > 499) return { kind: 'retry' };
        const issues = status === 400 && (await response.json().catch(() => 0))?.issues;
        return Array.isArray(issues)
          ? { kind: 'invalid', issues: issues.filter(isIssue) }
          : { kind: 'refused', status };
      } catch {
        return { kind: 'retry' };
      } finally {
        deps.clearTimeout(timer as never);
        inFlight.delete(abort);
      }
    },
    dispose() {
      for (const abort of inFlight) abort.abort();
    },
  };
}

const isIssue = (issue: FieldIssue | null) =>
  typeof issue?.path === 'string' && typeof issue.message === 'string';
