// The vendor's answer envelope, for successes and for the sim's errors alike.
import type { ApiEnvelope } from '../shared/eleapi-api.ts';

export function envelope(code: number, message: string): ApiEnvelope {
  return { success: code >= 200 && code < 300, message, code };
}

/** Names each field in a zod issue list: `status: Invalid option…; uuid: …`. */
export function describeIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): string {
  return issues
    .map((issue) => `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
}
