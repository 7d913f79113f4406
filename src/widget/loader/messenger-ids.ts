// The messenger tag carries the ids as its text: `<script id="eleapi-messenger-widget">BotId,CustomerId</script>`.
import { ID_PATTERN } from '../../shared/lead-limits.ts';

export interface MessengerIds {
  botId: string;
  customerId: string;
}

/** Reads `BotId,CustomerId` (whitespace and newlines tolerated); undefined when malformed. */
export function parseMessengerIds(text: string): MessengerIds | undefined {
  const parts = text.split(',').map((part) => part.trim());
  const [botId = '', customerId = ''] = parts;
  if (parts.length !== 2 || !ID_PATTERN.test(botId) || !ID_PATTERN.test(customerId)) {
    return undefined;
  }
  return { botId, customerId };
}
