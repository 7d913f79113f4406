// Admin endpoints for the site owner's backend: the eleapi listing and the outbox. No CORS:
// they are called server to server (or through the owner's own leads-page proxy).
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import { toFieldIssues } from '../../shared/lead-submission.ts';
import type { RelayEnv } from '../app-env.ts';
import type { BotPair, RelayConfig } from '../config.ts';
import { type EleapiClient, EleapiError } from '../eleapi-client.ts';
import type { Logger } from '../logger.ts';
import { adminAuth } from '../middleware/admin-auth.ts';
import { bodyGuard } from '../middleware/body-guard.ts';
import { OUTBOX_STATES, type Outbox } from '../outbox/index.ts';
import { fail, invalid, invalidBody } from '../respond.ts';

export interface AdminRouteDeps {
  config: RelayConfig;
  /** The bot pairs of the sites in force (read per request: a reload may change them). */
  pairs: () => readonly BotPair[];
  outbox: Outbox;
  client: EleapiClient;
  logger: Logger;
  now: () => number;
  /** Called after rows were made due again, so delivery starts at once. */
  onRetry: () => void;
}

const listingQuery = z.object({
  page: z.optional(z.string().check(z.regex(/^[1-9]\d{0,5}$/, 'page must be a number from 1'))),
  type: z.optional(z.enum(['lead', 'non-lead'], 'type must be "lead" or "non-lead"')),
  botId: z.optional(z.string()),
  customerId: z.optional(z.string()),
});

const outboxQuery = z.object({
  state: z.optional(z.enum(OUTBOX_STATES, `state must be one of ${OUTBOX_STATES.join(', ')}`)),
  limit: z.optional(z.string().check(z.regex(/^([1-9]\d{0,2}|1000)$/, 'limit must be 1 to 1000'))),
});

const retryBody = z.strictObject(
  {
    ids: z.optional(
      z
        .array(z.string('ids must be outbox ids'))
        .check(z.maxLength(1000, 'at most 1000 ids at a time')),
    ),
  },
  'the body must be {"ids": [...]} or empty',
);

const jsonBody = bodyGuard();

// No body means "every dead letter and pending row" (RFC 9112 §6.3: no length and no chunking, no body).
const optionalJsonBody: MiddlewareHandler<RelayEnv> = async (c, next) => {
  const length = c.req.header('content-length');
  if (length === '0' || (length === undefined && !c.req.header('transfer-encoding'))) {
    c.set('rawBody', '');
    return next();
  }
  return jsonBody(c, next);
};

export function adminRoutes(deps: AdminRouteDeps): Hono<RelayEnv> {
  const { config, outbox, client } = deps;
  const app = new Hono<RelayEnv>();
  const auth = adminAuth(config.adminToken);

  app.get('/v1/leads', auth, async (c) => {
    const query = listingQuery.safeParse(c.req.query());
    if (!query.success) return invalid(c, toFieldIssues(query.error));
    const pairs = deps.pairs();
    const single = pairs.length === 1 ? pairs[0] : undefined;
    const botId = query.data.botId ?? single?.botId;
    const customerId = query.data.customerId ?? single?.customerId;
    if (!botId || !customerId) {
      return invalid(c, [
        { path: 'botId', message: 'botId and customerId are required: several pairs are set' },
      ]);
    }
    if (!pairs.some((p) => p.botId === botId && p.customerId === customerId)) {
      return fail(
        c,
        403,
        'bot_not_allowed',
        `${botId}:${customerId} is not a pair of this relay (RELAY_ALLOWED_BOTS or RELAY_SITES_FILE)`,
      );
    }
    try {
      const listing = await client.listChats({
        botId,
        customerId,
        page: Number(query.data.page ?? '1'),
        type: query.data.type ?? 'lead',
      });
      return c.json({ ok: true, page: Number(query.data.page ?? '1'), data: listing.data });
    } catch (error) {
      const message = error instanceof EleapiError ? error.message : 'eleapi could not be reached';
      deps.logger.warn({ err: error }, 'listing failed');
      return fail(c, 502, 'upstream', message);
    }
  });

  app.get('/v1/outbox', auth, async (c) => {
    const query = outboxQuery.safeParse(c.req.query());
    if (!query.success) return invalid(c, toFieldIssues(query.error));
    try {
      const rows = await outbox.list(query.data.state, Number(query.data.limit ?? '100'));
      return c.json({ ok: true, rows, counts: await outbox.counts() });
    } catch (error) {
      return unavailable(c, error, 'the outbox could not be read');
    }
  });

  // Dead letters and pending rows (all, or those ids) are sent again now, attempts reset.
  app.post('/v1/outbox/retry', auth, optionalJsonBody, async (c) => {
    const text = c.get('rawBody');
    let json: unknown = {};
    try {
      if (text.trim()) json = JSON.parse(text);
    } catch {
      return invalidBody(c, 'the body is not valid JSON');
    }
    const body = retryBody.safeParse(json);
    if (!body.success) return invalid(c, toFieldIssues(body.error));
    let count: number;
    try {
      count = await outbox.retry(body.data.ids, deps.now());
    } catch (error) {
      return unavailable(c, error, 'the outbox could not be written');
    }
    if (count > 0) deps.onRetry();
    return c.json({ ok: true, count });
  });

  function unavailable(c: Context<RelayEnv>, error: unknown, message: string): Response {
    deps.logger.error({ err: error }, message);
    c.header('Retry-After', '30');
    return fail(c, 503, 'unavailable', `${message}; try again later`);
  }

  return app;
}
