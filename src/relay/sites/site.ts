// One site the relay serves: where its forms live, which eleapi inboxes it may fill, and with
// which customer's tokens. The sites file and the one-site environment both produce these.
import type { BotPair } from '../config.ts';

export interface SiteChallenge {
  /** Submissions need a proof of work (`GET /v1/challenge`). */
  enabled: boolean;
  /** Most hashes a browser tries for one challenge. */
  cost: number;
}

export interface Site {
  /** Shown in logs and as the `site` label in /metrics; never a secret. */
  name: string;
  origins: readonly string[];
  bots: readonly BotPair[];
  /** `x-bp-token` for the lead upsert. */
  token: string;
  /** `x-bot-token` for the listing. */
  listToken: string;
  /** Submissions per minute per client address. */
  rateLimitPerMinute: number;
  /** Leads per minute per botId:customerId pair, so one site cannot flood another's inbox. */
  pairLimitPerMinute: number;
  challenge: SiteChallenge;
}

export { DEFAULT_PAIR_LIMIT_PER_MINUTE } from './defaults.ts';

export const pairKey = (pair: BotPair): string => `${pair.botId}:${pair.customerId}`;
