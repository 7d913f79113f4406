// SIGTERM under keep-alive load, on the real relay process: every request the relay received is
// answered normally, with `Connection: close`, before the outbox closes.
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { OUTBOX_FILE } from '../../src/relay/outbox/index.ts';
import { type ChildRelay, killIfRunning, startRelayCli } from '../_util/relay/child-relay.ts';
import { baseEnv, eventually, ORIGIN, validLead } from '../_util/relay/fixtures.ts';
import { leadRequestHead, openRawSocket } from '../_util/relay/raw-http.ts';
import { useSimAndDir } from '../_util/relay/sim-and-dir.ts';

const current = useSimAndDir();
let relay: ChildRelay | undefined;
afterEach(() => killIfRunning(relay));

interface Outcome {
  uuid: string;
  status?: number;
  error?: string;
  /** Not one byte of an answer came back. */
  unanswered?: boolean;
}

function postLead(agent: Agent, url: string): Promise<Outcome> {
  const lead = validLead();
  const body = JSON.stringify(lead);
  return new Promise((resolve) => {
    const req = request(`${url}/v1/leads`, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', origin: ORIGIN },
    });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      res.resume();
      res.on('end', () => resolve({ uuid: lead.uuid, status: res.statusCode ?? 0 }));
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({
        uuid: lead.uuid,
        error: error.code ?? error.message,
        unanswered: !answered,
      }),
    );
    req.end(body);
  });
}

describe('eleapi-relay on SIGTERM', () => {
  it('answers every request it received under keep-alive load, resets none, then exits 0', {
    timeout: 30_000,
  }, async () => {
    relay = await startRelayCli(
      baseEnv({
        ELEAPI_API_URL: current.sim.url,
        RELAY_DATA_DIR: current.dir.path,
        RELAY_RATE_LIMIT: '1000000',
      }),
    );
    const { url } = relay;
    const workers = 8;
    const agent = new Agent({ keepAlive: true, maxSockets: workers });
    const outcomes: Outcome[] = [];
    // Each worker posts lead after lead on its kept-alive socket until the listener is gone.
    const load = Array.from({ length: workers }, async () => {
      for (;;) {
        const outcome = await postLead(agent, url);
        outcomes.push(outcome);
        if (outcome.error === 'ECONNREFUSED') return;
      }
    });
    await eventually(
      () => outcomes.length >= 200,
      'the load running on kept-alive sockets',
      20_000,
    );

    // Two requests caught half-sent: the relay has them, it must answer them.
    const lead = JSON.stringify(validLead());
    const halfLead = await openRawSocket(url);
    halfLead.write(leadRequestHead(ORIGIN, Buffer.byteLength(lead)) + lead.slice(0, 30));
    const halfProbe = await openRawSocket(url);
    halfProbe.write('GET /readyz HTTP/1.1\r\nHost: relay.test\r\n');
    await eventually(() => outcomes.length >= 250, 'more load', 20_000);

    relay.child.kill('SIGTERM');
    await eventually(() => relay?.output().includes('shutting down') ?? false, 'shutdown begun');
    halfLead.write(lead.slice(30));
    halfProbe.write('\r\n');
    const [leadAnswer, probeAnswer] = await Promise.all([halfLead.closed, halfProbe.closed]);
    await Promise.all(load);
    expect(await relay.exited).toBe(0);
    agent.destroy();

    expect(leadAnswer.error).toBeUndefined();
    expect(leadAnswer.text).toMatch(/^HTTP\/1\.1 202 [\s\S]*\r\nconnection: close\r\n/i);
    expect(probeAnswer.text).toMatch(/^HTTP\/1\.1 503 [\s\S]*\r\nconnection: close\r\n/i);

    const answered = outcomes.filter((o) => o.status !== undefined);
    const failed = outcomes.filter((o) => o.error !== undefined);
    expect(answered.filter((o) => o.status !== 202)).toEqual([]);
    // The only failures are connections the relay never read from: refused by the closed
    // listener, reset when it closed with them still in its accept queue, or a request written to
    // a kept-alive socket in the instant the relay closed it as idle.
    const raced = failed.filter((o) => o.error !== 'ECONNREFUSED');
    expect(raced.filter((o) => !(o.error === 'ECONNRESET' && o.unanswered))).toEqual([]);

    // Every 202 is a stored lead; a raced request never reached the outbox.
    const db = new BetterSqlite3(join(current.dir.path, OUTBOX_FILE), { readonly: true });
    const stored = new Set(
      db
        .prepare('SELECT uuid FROM outbox')
        .all()
        .map((row) => (row as { uuid: string }).uuid),
    );
    db.close();
    expect(answered.filter((o) => !stored.has(o.uuid))).toEqual([]);
    expect(raced.filter((o) => stored.has(o.uuid))).toEqual([]);
  });
});
