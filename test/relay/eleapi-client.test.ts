import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEleapiClient, EleapiError } from '../../src/relay/eleapi-client.ts';
import { newUuid, TOKEN } from '../_util/relay/fixtures.ts';
import { type StartedSim, startSim } from '../_util/sim/start-sim.ts';

const LIST_TOKEN = 'tok_list_SECRET_98';
let sim: StartedSim;
beforeAll(async () => {
  sim = await startSim({ token: TOKEN, listToken: LIST_TOKEN });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const lead = () => ({ uuid: newUuid(), botId: 'bot1', customerId: 'cust1', name: 'Ada' });
const client = (options: { timeoutMs?: number; fetch?: typeof fetch; baseUrl?: string } = {}) =>
  createEleapiClient({ baseUrl: sim.url, upsertToken: TOKEN, listToken: LIST_TOKEN, ...options });

/** A one-off HTTP server answering every request with `handler`. */
async function serverAnswering(
  handler: Parameters<typeof createServer>[1],
): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('upsertLead', () => {
  it('PUTs the lead with the x-bp-token header and reports success', async () => {
    const body = lead();
    expect(await client().upsertLead(body)).toEqual({ ok: true, status: 200 });
    const [received] = sim.received();
    expect(received?.body).toEqual(body);
    expect(received?.headers['x-bp-token']).toBe(TOKEN);
  });

  it('reports 503 as retryable, with the Retry-After it was given', async () => {
    sim.setConfig({ failStatus: 503, retryAfterSeconds: 7 });
    expect(await client().upsertLead(lead())).toMatchObject({
      ok: false,
      retryable: true,
      status: 503,
      retryAfterMs: 7000,
      error: 'upstream answered 503',
    });
  });

  it.each([408, 429, 500, 502])('reports %i as retryable', async (status) => {
    sim.setConfig({ failStatus: status });
    expect(await client().upsertLead(lead())).toMatchObject({ ok: false, retryable: true, status });
  });

  it('reports a rejected token as final, keeping the answer', async () => {
    const outcome = await createEleapiClient({
      baseUrl: sim.url,
      upsertToken: 'wrong-token',
      listToken: LIST_TOKEN,
    }).upsertLead(lead());
    expect(outcome).toMatchObject({ ok: false, retryable: false, status: 401 });
    expect(outcome.ok === false && outcome.answer).toContain('x-bp-token is not a valid token');
  });

  it('reports a 2xx with success:false as a failure', async () => {
    const { url, server } = await serverAnswering((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ success: false, message: 'lead locked', code: 409 }));
    });
    const outcome = await client({ baseUrl: url }).upsertLead(lead());
    server.close();
    expect(outcome).toMatchObject({
      ok: false,
      retryable: false,
      status: 200,
      error: 'upstream answered 200 with success:false (code 409)',
      answer: expect.stringContaining('lead locked'),
    });
  });

  it('reports a 2xx without the documented envelope as a failure', async () => {
    const { url, server } = await serverAnswering((_req, res) => res.end('<html>hello</html>'));
    const outcome = await client({ baseUrl: url }).upsertLead(lead());
    server.close();
    expect(outcome).toMatchObject({ ok: false, retryable: false, answer: '<html>hello</html>' });
  });

  it('does not follow a redirect, so the token never goes elsewhere', async () => {
    const seen: (string | undefined)[] = [];
    const elsewhere = await serverAnswering((req, res) => {
      seen.push(req.headers['x-bp-token'] as string | undefined);
      res.end('{}');
    });
    const redirecting = await serverAnswering((_req, res) => {
      res.writeHead(307, { location: `${elsewhere.url}/inbox/direct/lead` });
      res.end();
    });
    const outcome = await client({ baseUrl: redirecting.url }).upsertLead(lead());
    redirecting.server.close();
    elsewhere.server.close();
    expect(outcome).toMatchObject({ ok: false, retryable: false, status: 307 });
    expect(seen).toEqual([]);
  });

  it('reports a network failure as retryable', async () => {
    const { url, server } = await serverAnswering(() => {});
    await new Promise((resolve) => server.close(resolve));
    const outcome = await client({ baseUrl: url }).upsertLead(lead());
    expect(outcome).toMatchObject({ ok: false, retryable: true });
    expect(outcome.ok === false && outcome.error).toMatch(/^network error/);
  });

  it('gives up after the timeout and reports it as retryable', async () => {
    sim.setConfig({ timeoutRate: 1, hangMs: 5000 });
    const outcome = await client({ timeoutMs: 100 }).upsertLead(lead());
    expect(outcome).toEqual({ ok: false, retryable: true, error: 'no answer within 100 ms' });
  });

  it('refuses a body the API would reject, without calling it', async () => {
    const outcome = await client().upsertLead({ ...lead(), dialCode: '44' });
    expect(outcome).toMatchObject({ ok: false, retryable: false });
    expect(outcome.ok === false && outcome.error).toMatch(/^invalid lead: dialCode/);
    expect(sim.received()).toEqual([]);
  });
});

describe('listChats', () => {
  it('GETs the listing with the x-bot-token header and the query', async () => {
    const body = lead();
    await client().upsertLead(body);
    const listing = await client().listChats({
      botId: 'bot1',
      customerId: 'cust1',
      page: 1,
      type: 'lead',
    });
    expect(listing.success).toBe(true);
    expect(listing.data.map((chat) => chat.uuid)).toEqual([body.uuid]);
    expect(listing.data[0]?.profile.userDetails.name).toBe('Ada');
  });

  it('throws an EleapiError naming the call and the status on a rejected token', async () => {
    const bad = createEleapiClient({
      baseUrl: sim.url,
      upsertToken: TOKEN,
      listToken: 'wrong-token',
    });
    const error = await bad
      .listChats({ botId: 'b', customerId: 'c', page: 1, type: 'lead' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EleapiError);
    expect(error).toMatchObject({ call: 'listChats', status: 401 });
    expect((error as Error).message).toMatch(/^eleapi listChats failed: upstream answered 401/);
  });

  it('throws when the listing does not have the documented shape', async () => {
    const { url, server } = await serverAnswering((_req, res) => {
      res.end(JSON.stringify({ success: true, message: 'ok', code: 200, data: [{ uuid: 1 }] }));
    });
    const error = await client({ baseUrl: url })
      .listChats({ botId: 'b', customerId: 'c', page: 1, type: 'lead' })
      .catch((e: unknown) => e as Error);
    server.close();
    expect(error).toBeInstanceOf(EleapiError);
    expect((error as Error).message).toMatch(/unexpected shape \(data\.0\._id: /);
  });
});

describe('answer size cap', () => {
  /** A real server that streams `chunk` forever (or `total` bytes), counting what it wrote. */
  async function streamingServer(status: number, total = Number.POSITIVE_INFINITY) {
    let written = 0;
    const { url, server } = await serverAnswering((_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(16 * 1024, 'x');
      const pump = () => {
        while (written < total) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    });
    return { url, server, written: () => written };
  }

  it('drops an endless upsert answer past 64 KiB, keeping the status for the retry decision', async () => {
    const upstream = await streamingServer(503);
    const outcome = await client({ baseUrl: upstream.url }).upsertLead(lead());
    upstream.server.closeAllConnections();
    upstream.server.close();
    expect(outcome).toEqual({
      ok: false,
      retryable: true,
      status: 503,
      error: 'upstream answered 503, but the answer is larger than 65536 bytes; dropped unread',
    });
  });

  it('reads an upsert answer of up to 64 KiB as before', async () => {
    const upstream = await streamingServer(500, 48 * 1024);
    const outcome = await client({ baseUrl: upstream.url }).upsertLead(lead());
    upstream.server.close();
    expect(outcome).toMatchObject({ ok: false, status: 500, error: 'upstream answered 500' });
  });

  it('refuses an endless listing past its cap with an error naming the cap', async () => {
    const upstream = await streamingServer(200);
    const listing = client({ baseUrl: upstream.url }).listChats({
      botId: 'bot1',
      customerId: 'cust1',
      page: 1,
      type: 'lead',
    });
    await expect(listing).rejects.toThrow(
      'eleapi listChats failed: upstream answered 200, but the answer is larger than 4194304 bytes; dropped unread',
    );
    upstream.server.closeAllConnections();
    upstream.server.close();
  });
});
