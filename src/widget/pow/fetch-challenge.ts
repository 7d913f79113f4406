// Asks the relay for a fresh proof-of-work challenge.
import { CHALLENGE_PATH, type PowChallenge } from '../../shared/pow-challenge.ts';

/**
 * Resolves with the challenge, or undefined when the relay says the site has the proof of work
 * off (204, nothing to solve); rejects otherwise (network, another status, not a challenge). The
 * pair names the site when the browser sends no Origin (a same-origin GET).
 */
export async function fetchChallenge(
  relayUrl: string,
  fetchFn: typeof fetch = fetch,
  pair?: { botId: string; customerId: string },
): Promise<PowChallenge | undefined> {
  const query = pair ? `?${new URLSearchParams(pair)}` : '';
  const response = await fetchFn(`${relayUrl}${CHALLENGE_PATH}${query}`, { cache: 'no-store' });
  if (response.status === 204) return undefined;
  const challenge = response.ok && ((await response.json()) as PowChallenge);
  if (!challenge || typeof challenge.parameters?.salt !== 'string') {
    throw new Error(`no proof-of-work challenge from the relay (status ${response.status})`);
  }
  return challenge;
}
