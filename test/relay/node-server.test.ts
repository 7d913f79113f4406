// The relay on a real HTTP port, delivering to the stand-in eleapi API over real HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/relay/config.ts';
import { type RunningRelay, startRelayServer } from '../../src/relay/node-server.ts';
import {
  ADMIN_TOKEN,
  BOT,
  baseEnv,
  CUSTOMER,
  eventually,
  ORIGIN,
  TOKEN,
  validLead,
} from '../_util/relay/fixtures.ts';
import { leadRequestHead, openRawSocket } from '../_util/relay/raw-http.ts';
import { useSimAndDir } from '../_util/relay/sim-and-dir.ts';

const current = useSimAndDir();
let running: RunningRelay;
afterEach(async () => {
  await running.close();
});

async function start(env: Record<string, string> = {}): Promise<RunningRelay> {
  const config = loadConfig(
    baseEnv({
      ELEAPI_API_URL: current.sim.url,
      RELAY_DATA_DIR: current.dir.path,
      PORT: '0',
      LOG_LEVEL: 'error',
      ...env,
    }),
  );
  running = await startRelayServer(config);
  return running;
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(`${running.url}/v1/leads`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);

describe('relay over HTTP', () => {
  it('accepts every lead while eleapi is down, and delivers each with exactly its fields once it is back', async () => {
    // Room for many quick retries: none of the leads may be dead-lettered during the outage.
    await start({ RELAY_RATE_LIMIT: '100', RELAY_MAX_ATTEMPTS: '1000' });
    current.sim.setConfig({ errorRate: 1 });
    const leads = Array.from({ length: 20 }, (_, i) =>
      validLead({
        name: `Lead ${i}`,
        message: i % 2 ? `note ${i}` : '',
        consent: i % 3 === 0,
        tags: ['t'],
      }),
    );
    const answers = await Promise.all(leads.map((lead) => post(JSON.stringify(lead))));
    expect(answers.map((a) => a.status)).toEqual(leads.map(() => 202));
    await eventually(async () => {
      const metrics = await (
        await fetch(`${running.url}/metrics`, {
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        })
      ).text();
      return /delivery_failures_total\{retryable="true"\} ([2-9]\d|\d{3,})/.test(metrics);
    }, 'failed attempts while eleapi is down');
    expect(current.sim.received()).toEqual([]);

    current.sim.setConfig({ errorRate: 0 });
    await eventually(() => current.sim.received().length === leads.length, 'every lead at eleapi');
    for (const lead of leads) {
      const got = current.sim.received().find((r) => r.body.uuid === lead.uuid);
      expect(got?.headers['x-bp-token']).toBe(TOKEN);
      expect(got?.body).toEqual({
        uuid: lead.uuid,
        botId: BOT,
        customerId: CUSTOMER,
        name: lead.name,
        email: 'ada@example.com',
        phone: '7911123456',
        dialCode: '+44',
        tags: ['t'],
        ...(lead.message ? { notes: [{ title: 'Message', description: lead.message }] } : {}),
        ...(lead.consent ? { attributes: [{ key: 'consent', value: expect.any(String) }] } : {}),
      });
    }
  });

  it('answers 413 to a chunked body past 16 KiB and 202 to one within it', async () => {
    await start();
    const stream = (text: string) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < text.length; i += 4096)
            controller.enqueue(new TextEncoder().encode(text.slice(i, i + 4096)));
          controller.close();
        },
      });
    const big = await post(stream(JSON.stringify({ ...validLead(), message: 'x'.repeat(20_000) })));
    expect(big.status).toBe(413);
    const small = await post(stream(JSON.stringify(validLead())));
    expect(small.status).toBe(202);
  });

  it('sends the privileged fields from its configuration only', async () => {
    await start({
      RELAY_DEFAULT_STATUS: 'OPEN',
      RELAY_AGENT_ID: 'agent7',
      RELAY_PICTURE_URL: 'https://cdn.example.com/p.png',
    });
    const lead = validLead();
    expect((await post(JSON.stringify(lead))).status).toBe(202);
    await eventually(() => current.sim.received().length === 1, 'the lead at eleapi');
    expect(current.sim.received()[0]?.body).toMatchObject({
      status: 'OPEN',
      agentId: 'agent7',
      picture: 'https://cdn.example.com/p.png',
    });
  });

  it('rate-limits by the socket address', async () => {
    await start({ RELAY_RATE_LIMIT: '2' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(JSON.stringify(validLead()))).status);
    expect(statuses).toEqual([202, 202, 429]);
  });

  // Node checks these timeouts every 30 s unless told otherwise: both tests would time out.
  it('answers 408 and closes a socket whose headers stop coming, at RELAY_HEADERS_TIMEOUT_MS', {
    timeout: 8_000,
  }, async () => {
    await start({ RELAY_HEADERS_TIMEOUT_MS: '1000', RELAY_REQUEST_TIMEOUT_MS: '2000' });
    const socket = await openRawSocket(running.url);
    socket.write('POST /v1/leads HTTP/1.1\r\nHost: relay.test\r\n');
    expect((await socket.closed).text).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('answers 408 and closes a socket whose body stops coming, at RELAY_REQUEST_TIMEOUT_MS', {
    timeout: 8_000,
  }, async () => {
    await start({ RELAY_HEADERS_TIMEOUT_MS: '1000', RELAY_REQUEST_TIMEOUT_MS: '2000' });
    const body = JSON.stringify(validLead());
    const socket = await openRawSocket(running.url);
    socket.write(leadRequestHead(ORIGIN, Buffer.byteLength(body)) + body.slice(0, 20));
    expect((await socket.closed).text).toMatch(/^HTTP\/1\.1 408 /);
    expect(current.sim.received()).toEqual([]);
  });
});
