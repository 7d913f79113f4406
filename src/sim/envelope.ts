// The vendor's answer envelope, for successes and for the sim's errors alike.
import type { ApiEnvelope } from '../shared/eleapi-api.ts';

export function envelope(code: number, message: string): ApiEnvelope {
  return { success: code >= 200 && code < 300, message, code };
}
