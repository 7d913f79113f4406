// GET /v1/challenge: a proof-of-work challenge for the asking site (RELAY_CHALLENGE=pow or a
// site's "challenge": {"enabled": true}).
import { Hono } from 'hono';
import { CHALLENGE_PATH } from '../../shared/pow-challenge.ts';
import type { RelayEnv } from '../app-env.ts';
import type { ChallengeService } from '../challenge/index.ts';
import { fail, quote } from '../respond.ts';
import type { SiteDirectory } from '../sites/index.ts';

export interface ChallengeRouteDeps {
  sites: () => SiteDirectory;
  challenges: ChallengeService | undefined;
}

export function challengeRoutes(deps: ChallengeRouteDeps): Hono<RelayEnv> {
  const app = new Hono<RelayEnv>();
  app.get(CHALLENGE_PATH, async function issueChallenge(c) {
    c.header('Vary', 'Origin');
    c.header('Cache-Control', 'no-store');
    const directory = deps.sites();
    const origin = c.req.header('origin');
    const { botId, customerId } = c.req.query();
    // Browsers name their site by Origin; other clients by the pair they will post for.
    const site =
      origin !== undefined
        ? directory.byOrigin(origin)
        : botId && customerId
          ? directory.byPair({ botId, customerId })
          : directory.sites.length === 1
            ? directory.sites[0]
            : undefined;
    if (!site) {
      return origin !== undefined
        ? fail(
            c,
            403,
            'origin_not_allowed',
            `origin ${quote(origin)} is not allowed on this relay`,
            'origin',
          )
        : fail(
            c,
            400,
            'site_unknown',
            'say which site: send Origin, or ?botId=…&customerId=… of a configured pair',
          );
    }
    if (origin !== undefined) c.header('Access-Control-Allow-Origin', origin);
    // A success with nothing to solve: a 4xx here would be a red console line on every page of a
    // site that has it off, whose widget asks once to learn that.
    if (!deps.challenges || !site.challenge.enabled) return c.body(null, 204);
    return c.json(await deps.challenges.issue(site.challenge.cost, site.name));
  });
  return app;
}
