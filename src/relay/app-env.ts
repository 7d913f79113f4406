// The Hono environment shared by the relay's middleware and routes.
import type { RejectReason } from './metrics.ts';

export interface RelayEnv {
  Variables: {
    /** Why a submission was turned away (or caught by the honeypot), for logs and metrics. */
    reason: RejectReason;
    /** The lead a request stored, as its log line shows it (email and phone masked). */
    lead: { id: string; uuid: string; email: string | undefined; phone: string | undefined };
    /** The request body, read within the size limit by the body guard. */
    rawBody: string;
    /** Client address used for rate limiting. */
    clientIp: string;
  };
}
