// Asks the relay for a fresh proof-of-work challenge.
import { CHALLENGE_PATH, type PowChallenge } from '../../shared/pow-challenge.ts';

/** Resolves with the challenge, or rejects (network, non-200, not a challenge) for a retry later. */
export async function fetchChallenge(
  relayUrl: string,
  fetchFn: typeof fetch = fetch,
): Promise<PowChallenge> {
  const response = await fetchFn(`${relayUrl}${CHALLENGE_PATH}`, { cache: 'no-store' });
  const challenge = response.ok && ((await response.json()) as PowChallenge);
  if (!challenge || typeof challenge.parameters?.salt !== 'string') {
    throw new Error(`no proof-of-work challenge from the relay (status ${response.status})`);
  }
  return challenge;
}
