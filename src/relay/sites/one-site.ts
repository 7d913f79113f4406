// The one-site environment variables (ELEAPI_TOKEN, RELAY_ALLOWED_ORIGINS, RELAY_ALLOWED_BOTS…)
// as the same structure the sites file gives, so the relay has one code path.
import type { BotPair } from '../config.ts';
import type { Site } from './site.ts';

export interface OneSiteSettings {
  token: string;
  listToken: string;
  allowedOrigins: readonly string[];
  allowedBots: readonly BotPair[];
  rateLimitPerMinute: number;
  pairLimitPerMinute: number;
  challengeEnabled: boolean;
  challengeCost: number;
}

export const ONE_SITE_NAME = 'default';

export function oneSite(settings: OneSiteSettings): Site {
  return {
    name: ONE_SITE_NAME,
    origins: settings.allowedOrigins,
    bots: settings.allowedBots,
    token: settings.token,
    listToken: settings.listToken,
    rateLimitPerMinute: settings.rateLimitPerMinute,
    pairLimitPerMinute: settings.pairLimitPerMinute,
    challenge: { enabled: settings.challengeEnabled, cost: settings.challengeCost },
  };
}
