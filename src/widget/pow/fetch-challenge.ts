// Asks the relay for a fresh proof-of-work challenge.
import { CHALLENGE_PATH, type PowChallenge } from '../../shared/pow-challenge.ts';

/** The relay's answer when the asking site does not use a proof of work (404). */
export const CHALLENGE_OFF = 'challenge_off';

/**
 * Resolves with the challenge, or undefined when the relay says the site has the proof of work
 * off (404 `challenge_off`); rejects otherwise (network, another status, not a challenge). The
 * pair names the site when the browser sends no Origin (a same-origin GET).
 */
export async function fetchChallenge(
  relayUrl: string,
  fetchFn: typeof fetch = fetch,
  pair?: { botId: string; customerId: string },
): Promise<PowChallenge | undefined> {
  const query = pair ? `?${new URLSearchParams(pair)}` : '';
  const response = await fetchFn(`${relayUrl}${CHALLENGE_PATH}${query}`, { cache: 'no-store' });
  const answer = await response.json().catch(() => null);
  if (response.status === 404 && answer?.error === CHALLENGE_OFF) return undefined;
  if (!response.ok || typeof answer?.parameters?.salt !== 'string') {
    throw new Error(`no proof-of-work challenge from the relay (status ${response.status})`);
  }
  return answer as PowChallenge;
}
