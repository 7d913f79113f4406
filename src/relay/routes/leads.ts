// POST /v1/leads: a widget submission, answered 202 only once the lead is on disk.
import { Hono } from 'hono';
import { leadSubmissionSchema, toFieldIssues } from '../../shared/lead-submission.ts';
import { CHALLENGE_ERROR } from '../../shared/pow-challenge.ts';
import type { RelayEnv } from '../app-env.ts';
import type { ChallengeService } from '../challenge/index.ts';
import type { RelayConfig } from '../config.ts';
import { type Logger, maskEmail, maskPhone } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { bodyGuard } from '../middleware/body-guard.ts';
import { leadsCors } from '../middleware/cors.ts';
import { rateLimit } from '../middleware/rate-limit.ts';
import type { Outbox } from '../outbox/index.ts';
import type { KeyedLimiter } from '../pair-limiter.ts';
import { checkLeadPhone } from '../phone-check.ts';
import type { RateLimiter } from '../rate-limiter.ts';
import { fail, invalid, invalidBody, quote, tooMany } from '../respond.ts';
import type { SiteDirectory } from '../sites/index.ts';
import { reservedAttributeIndex, toUpstreamLead } from '../to-upstream-lead.ts';

export interface LeadsRouteDeps {
  config: RelayConfig;
  outbox: Outbox;
  metrics: Metrics;
  logger: Logger;
  limiter: RateLimiter;
  clientIp: Parameters<typeof rateLimit>[1];
  now: () => number;
  randomId: () => string;
  /** The sites in force (the sites file, or the one-site variables). */
  sites: () => SiteDirectory;
  /** Set when a secret is configured; a site with the challenge on needs it. */
  challenges: ChallengeService | undefined;
  /** Per-pair leads per minute and each site's per-address limit. */
  keyedLimiter: KeyedLimiter;
  /** Called after a lead is committed, so delivery starts at once. */
  onAccepted: () => void;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `the body is not valid JSON (${(error as Error).message})` };
  }
}

export function leadsRoutes(deps: LeadsRouteDeps): Hono<RelayEnv> {
  const { config, outbox, logger } = deps;
  const cors = leadsCors((origin) => deps.sites().byOrigin(origin) !== undefined);
  const app = new Hono<RelayEnv>();

  app.options('/v1/leads', cors);
  app.post(
    '/v1/leads',
    cors,
    rateLimit(deps.limiter, deps.clientIp),
    bodyGuard(),
    async function acceptLead(c) {
      const json = parseJson(c.get('rawBody'));
      if (!json.ok) return invalidBody(c, json.message);
      const parsed = leadSubmissionSchema.safeParse(json.value);
      if (!parsed.success) return invalid(c, toFieldIssues(parsed.error));
      const checked = checkLeadPhone(parsed.data);
      if (!checked.ok) return invalid(c, checked.issues);
      const { lead } = checked;
      const reserved = reservedAttributeIndex(lead);
      if (reserved >= 0) {
        return invalid(c, [
          {
            path: `attributes.${reserved}.key`,
            message: 'attribute key "consent" is set by the relay: send "consent": true instead',
          },
        ]);
      }
      const pair = `${lead.botId}:${lead.customerId}`;
      const verdict = deps.sites().check(c.req.header('origin'), lead);
      if (!verdict.ok) {
        // Same answer whether the pair is unknown or bound to another site: sites stay private.
        return fail(
          c,
          403,
          'bot_not_allowed',
          `this relay does not accept leads for bot ${quote(pair)} (botId:customerId)`,
          'bot_pair',
        );
      }
      const { site } = verdict;
      const refuse = (response: Response) => {
        deps.metrics.site(site.name, c.get('reason') ?? 'validation');
        return response;
      };
      const perAddress = await deps.keyedLimiter.take(
        `ip|${site.name}|${c.get('clientIp')}`,
        site.rateLimitPerMinute,
      );
      if (!perAddress.allowed) {
        return refuse(
          tooMany(
            c,
            perAddress.retryAfterMs,
            'too many submissions from this address',
            'rate_limited',
          ),
        );
      }
      if (site.challenge.enabled) {
        const proof = deps.challenges
          ? await deps.challenges.verify(lead.challenge, site.name)
          : ({
              ok: false,
              reason: 'invalid',
              message: 'the proof of work is not configured',
            } as const);
        if (!proof.ok) {
          c.set('reason', 'challenge');
          return refuse(
            c.json(
              { ok: false, error: CHALLENGE_ERROR, reason: proof.reason, message: proof.message },
              400,
            ),
          );
        }
      }
      // A receipt for this submission: fresh every time, the same for a honeypot hit, so it
      // tells nobody whether the uuid was seen before or the bot was caught.
      const id = deps.randomId();
      if (lead.website) {
        // A bot filled the hidden field: answer exactly like a success, keep nothing.
        c.set('reason', 'honeypot');
        return c.json({ ok: true, id }, 202);
      }
      // Counted after the proof of work, so unsolved floods cannot spend a site's budget.
      const perPair = await deps.keyedLimiter.take(`pair|${pair}`, site.pairLimitPerMinute);
      if (!perPair.allowed) {
        return refuse(
          tooMany(c, perPair.retryAfterMs, `too many leads for bot ${quote(pair)}`, 'pair_limited'),
        );
      }
      const now = deps.now();
      const body = toUpstreamLead(lead, config, new Date(now));
      try {
        await outbox.accept(body, now);
      } catch (error) {
        logger.error({ err: error, uuid: lead.uuid }, 'could not store lead');
        c.header('Retry-After', '5');
        return fail(
          c,
          503,
          'unavailable',
          'the lead could not be stored; try again',
          'unavailable',
        );
      }
      deps.metrics.received();
      deps.metrics.site(site.name, 'accepted');
      deps.onAccepted();
      c.set('lead', {
        id,
        uuid: lead.uuid,
        email: maskEmail(body.email),
        phone: maskPhone(body.phone),
      });
      return c.json({ ok: true, id }, 202);
    },
  );
  return app;
}
