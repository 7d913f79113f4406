// Answers, for a submission, which site it belongs to: by origin for browsers, by bot pair
// for everyone, and whether the two agree.
import type { BotPair } from '../config.ts';
import { pairKey, type Site } from './site.ts';

export type SiteVerdict = { ok: true; site: Site } | { ok: false; reason: 'origin' | 'bot_pair' };

export interface SiteDirectory {
  readonly sites: readonly Site[];
  byOrigin(origin: string): Site | undefined;
  byPair(pair: BotPair): Site | undefined;
  /**
   * A submission is accepted only for a pair bound to its origin's site. Without an Origin
   * (a server-to-server caller) the pair alone decides, as before sites existed.
   */
  check(origin: string | undefined, pair: BotPair): SiteVerdict;
  /** Every token in every site, for the log redactor (the same array until a reload). */
  secrets(): string[];
}

export function createSiteDirectory(sites: readonly Site[]): SiteDirectory {
  const origins = new Map(sites.flatMap((site) => site.origins.map((o) => [o, site] as const)));
  const pairs = new Map(sites.flatMap((site) => site.bots.map((p) => [pairKey(p), site] as const)));
  const secrets = sites.flatMap((site) => [site.token, site.listToken]);
  return {
    sites,
    byOrigin: (origin) => origins.get(origin),
    byPair: (pair) => pairs.get(pairKey(pair)),
    check(origin, pair) {
      const originSite = origin === undefined ? undefined : origins.get(origin);
      if (origin !== undefined && !originSite) return { ok: false, reason: 'origin' };
      const site = pairs.get(pairKey(pair));
      if (!site || (originSite && originSite !== site)) return { ok: false, reason: 'bot_pair' };
      return { ok: true, site };
    },
    secrets: () => secrets,
  };
}
