// The relay's error answers: `{"ok":false,"error":"<code>","message":"…"}`, or the field
// issues for a 400, with the reason recorded for logs and metrics.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FieldIssue } from '../shared/lead-submission.ts';
import type { RelayEnv } from './app-env.ts';
import type { RejectReason } from './metrics.ts';

export function fail(
  c: Context<RelayEnv>,
  status: ContentfulStatusCode,
  error: string,
  message: string,
  reason?: RejectReason,
): Response {
  if (reason) c.set('reason', reason);
  return c.json({ ok: false, error, message }, status);
}

export function invalid(c: Context<RelayEnv>, issues: FieldIssue[]): Response {
  c.set('reason', 'validation');
  return c.json({ ok: false, error: 'validation', issues }, 400);
}

/** One issue about the body as a whole (unreadable, not JSON). */
export function invalidBody(c: Context<RelayEnv>, message: string): Response {
  return invalid(c, [{ path: '(body)', message }]);
}

/** Quotes client-sent text in a message without letting it grow the answer. */
export function quote(value: string, max = 80): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}

/** 429 with Retry-After in whole seconds (at least 1). */
export function tooMany(
  c: Context<RelayEnv>,
  retryAfterMs: number,
  what: string,
  reason: RejectReason,
): Response {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  c.header('Retry-After', String(seconds));
  return fail(c, 429, 'rate_limited', `${what}; try again in ${seconds} s`, reason);
}
