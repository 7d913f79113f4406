// The demo's "failing upstream" switch: /demo/upstream flips the stand-in eleapi API between
// healthy and answering 503 to every upsert, so the relay's retries and outbox show.
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod/mini';
import { RequestError, readJson, sendJson } from './http-helpers.ts';

const switchBody = z.object({ failing: z.boolean('failing must be true or false') });
const simConfig = z.object({ switches: z.object({ errorRate: z.number() }) });

export interface UpstreamSwitchOptions {
  simUrl: string;
  fetch: typeof fetch;
}

export function createUpstreamSwitch(options: UpstreamSwitchOptions) {
  async function sim(init?: RequestInit): Promise<boolean> {
    let response: Response;
    try {
      response = await options.fetch(`${options.simUrl}/_sim/config`, {
        ...init,
        signal: AbortSignal.timeout(5_000),
      });
    } catch (error) {
      throw new RequestError(502, `the stand-in API did not answer: ${(error as Error).message}`);
    }
    const parsed = simConfig.safeParse(await response.json().catch(() => undefined));
    if (!response.ok || !parsed.success) {
      throw new RequestError(
        502,
        `the stand-in API refused the switch (status ${response.status})`,
      );
    }
    return parsed.data.switches.errorRate >= 1;
  }

  return async function handleUpstream(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET') return sendJson(res, 200, { failing: await sim() });
    if (req.method !== 'POST') throw new RequestError(405, 'use GET or POST on /demo/upstream');
    const parsed = switchBody.safeParse(await readJson(req));
    if (!parsed.success) throw new RequestError(400, 'body must be {"failing": true|false}');
    const failing = await sim({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ errorRate: parsed.data.failing ? 1 : 0 }),
    });
    sendJson(res, 200, { failing });
  };
}
