// An injected fetch standing in for eleapi in unit tests: records every request and answers
// from a script (a fixed status, or a function of the request number).
import type { UpsertLeadBody } from '../../../src/shared/eleapi-api.ts';

export interface UpstreamCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: UpsertLeadBody | undefined;
}

export type Answer =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | 'network-error';

export interface FakeUpstream {
  fetch: typeof fetch;
  calls: UpstreamCall[];
  /** Bodies of upserts that were answered 2xx. */
  delivered(): UpsertLeadBody[];
  answerWith(answer: Answer | ((call: UpstreamCall, n: number) => Answer)): void;
}

const OK = { success: true, message: 'ok', code: 200 };

export function fakeUpstream(): FakeUpstream {
  const calls: UpstreamCall[] = [];
  const succeeded: UpsertLeadBody[] = [];
  let script: (call: UpstreamCall, n: number) => Answer = () => ({ status: 200, body: OK });
  const fakeFetch = async (input: string | URL | Request, init?: RequestInit) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const call: UpstreamCall = {
      method: init?.method ?? 'GET',
      url: String(input),
      headers,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const answer = script(call, calls.length);
    if (answer === 'network-error') throw new TypeError('fetch failed');
    if (answer.status < 300 && call.body) succeeded.push(call.body);
    return new Response(JSON.stringify(answer.body ?? OK), {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers },
    });
  };
  return {
    fetch: fakeFetch as typeof fetch,
    calls,
    delivered: () => succeeded,
    answerWith(answer) {
      script = typeof answer === 'function' ? answer : () => answer;
    },
  };
}
