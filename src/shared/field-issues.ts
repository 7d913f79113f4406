// zod issues as text, one way for every boundary: the relay's 400, the client's errors, the sim's.
import type * as z from 'zod/mini';

/** One problem with one field, as the relay's `400` lists it and the form shows it. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Flattens zod issues to `{ path, message }` with dotted paths (`attributes.0.key`). */
export function toFieldIssues(error: Pick<z.core.$ZodError, 'issues'>): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}

/** The issues on one line, `status: …; uuid: …`, the first `most` of them. */
export function describeIssues(error: Pick<z.core.$ZodError, 'issues'>, most = Infinity): string {
  return toFieldIssues(error)
    .slice(0, most)
    .map((issue) => `${issue.path}: ${issue.message}`)
    .join('; ');
}
