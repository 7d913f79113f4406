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
  const inFlight = new Set<() => void>();
  return {
    async post(relayUrl, body) {
      const abort = new AbortController();
      const timer = deps.setTimeout(() => abort.abort(), deps.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      const stop = () => {
        deps.clearTimeout(timer as never);
        abort.abort();
      };
      inFlight.add(stop);
      try {
        const response = await deps.fetch(`${relayUrl}/v1/leads`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: abort.signal,
        });
        return await resultOf(response);
      } catch {
        return { kind: 'retry' };
      } finally {
        deps.clearTimeout(timer as never);
        inFlight.delete(stop);
      }
    },
    dispose() {
      for (const stop of inFlight) stop();
      inFlight.clear();
    },
  };
}

async function resultOf(response: Response): Promise<PostResult> {
  const { status } = response;
  if (status >= 200 && status < 300) return { kind: 'sent' };
  if (status === 408 || status >= 500) return { kind: 'retry' };
  if (status === 400) {
    const issues = ((await response.json().catch(() => null)) as { issues?: unknown } | null)
      ?.issues;
    if (Array.isArray(issues)) return { kind: 'invalid', issues: issues.filter(isIssue) };
  }
  return { kind: 'refused', status };
}

const isIssue = (issue: unknown): issue is FieldIssue =>
  typeof (issue as FieldIssue | null)?.path === 'string' &&
  typeof (issue as FieldIssue).message === 'string';
