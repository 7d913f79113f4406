// @vitest-environment node
// The widget's solver against the relay's verifier: the two ends agree on the ALTCHA payload.
import { describe, expect, it } from 'vitest';
import { createChallengeService } from '../../../src/relay/challenge/index.ts';
import { fetchChallenge, solveChallenge } from '../../../src/widget/pow/index.ts';

const spent = new Set<string>();
const service = createChallengeService({
  secret: 'widget-pow-test-secret-0123456789',
  ttlSeconds: 600,
  now: Date.now,
  spent: {
    spend: async (id) => !spent.has(id) && !!spent.add(id),
    prune: async () => 0,
    close: async () => {},
  },
});

describe('the widget proof-of-work solver', () => {
  it('produces a payload the relay verifies', async () => {
    const challenge = await service.issue(500, 'shop');
    const payload = await solveChallenge(challenge);
    expect(await service.verify(payload, 'shop')).toEqual({ ok: true });
  });

  it('stops when aborted', async () => {
    const challenge = await service.issue(1_000_000, 'shop');
    const abort = new AbortController();
    const solving = solveChallenge(challenge, { signal: abort.signal });
    abort.abort();
    await expect(solving).rejects.toThrow();
  });

  it('fetches a challenge from the relay, says when the site has it off, and rejects anything else', async () => {
    const challenge = await service.issue(10, 'shop');
    const seen: string[] = [];
    const ok = (async (url: string) => {
      seen.push(url);
      return Response.json(challenge);
    }) as typeof fetch;
    expect(await fetchChallenge('https://relay.example', ok)).toEqual(challenge);
    expect(seen).toEqual(['https://relay.example/v1/challenge']);
    const down = (async () => new Response('no', { status: 404 })) as unknown as typeof fetch;
    await expect(fetchChallenge('https://relay.example', down)).rejects.toThrow(/status 404/);
    const off = (async () => new Response(null, { status: 204 })) as typeof fetch;
    expect(await fetchChallenge('https://relay.example', off)).toBeUndefined();
  });
});
