// The sender while the outbox cannot record outcomes (read-only, full, damaged): it pauses, probes
// on a backoff, and resumes, instead of resending the same leads in a loop.
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createEleapiClient } from '../../src/relay/eleapi-client.ts';
import { createLogger } from '../../src/relay/logger.ts';
import { createMetrics } from '../../src/relay/metrics.ts';
import { type Outbox, openOutbox } from '../../src/relay/outbox/index.ts';
import { createSender, type Sender } from '../../src/relay/sender.ts';
import { fakeUpstream } from '../_util/relay/fake-upstream.ts';
import { eventually, type TempDir, TOKEN, tempDir } from '../_util/relay/fixtures.ts';

let dir: TempDir | undefined;
let outbox: Outbox | undefined;
let sender: Sender | undefined;
afterEach(async () => {
  await sender?.stop(0);
  await outbox?.close();
  dir?.remove();
});

describe('delivery while the outbox cannot be written', () => {
  it('pauses after a lost outcome, probes, and sends each lead a handful of times at most', async () => {
    dir = tempDir();
    const store = openOutbox(dir.path, { writer: 'inline' });
    outbox = store;
    let readOnly = false;
    const refuse = () =>
      Promise.reject(new Error('SQLITE_READONLY: attempt to write a readonly database'));
    const guarded: Outbox = {
      ...store,
      claim: (...args) => (readOnly ? refuse() : store.claim(...args)),
      markDelivered: (r) => (readOnly ? refuse() : store.markDelivered(r)),
      markRetry: (r) => (readOnly ? refuse() : store.markRetry(r)),
      markDead: (r) => (readOnly ? refuse() : store.markDead(r)),
      checkWritable: (now) => (readOnly ? refuse() : store.checkWritable(now)),
    };
    const upstream = fakeUpstream();
    const logs: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk));
        done();
      },
    });
    const uuids: string[] = [];
    for (let i = 0; i < 31; i++) {
      const uuid = `5d1c0f0e-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
      uuids.push(uuid);
      await store.accept({ uuid, botId: 'b', customerId: 'c', name: `Lead ${i}` }, Date.now());
    }
    // The outbox turns read-only just as eleapi answers the first deliveries.
    upstream.answerWith(() => {
      readOnly = true;
      return { status: 200 };
    });
    sender = createSender({
      outbox: guarded,
      client: createEleapiClient({
        baseUrl: 'http://eleapi.test',
        upsertToken: TOKEN,
        listToken: TOKEN,
        fetch: upstream.fetch,
      }),
      metrics: createMetrics(),
      logger: createLogger({ level: 'info', stream, secrets: [TOKEN] }),
      now: Date.now,
      random: () => 0.5,
      concurrency: 8,
      maxAttempts: undefined,
      maxAgeMs: 3_600_000,
      backoff: { baseMs: 5, capMs: 20 },
      owner: 'test-instance',
      leaseMs: 1500,
    });
    sender.wake();
    const probes = () => logs.filter((l) => l.includes('still cannot take writes')).length;
    await eventually(() => probes() >= 3, 'three failed probes');
    // Only the first claim's leads went out, once each, before the pause.
    expect(upstream.calls.length).toBeLessThanOrEqual(8);

    readOnly = false;
    upstream.answerWith({ status: 200 });
    await eventually(async () => (await store.counts()).delivered === 31, 'every lead delivered');
    const perLead = uuids.map((uuid) => upstream.calls.filter((c) => c.body?.uuid === uuid).length);
    expect(Math.max(...perLead)).toBeLessThanOrEqual(2);
  });
});
