// Builds a relay in-process for tests: temp data folder, fake upstream, captured log lines.
import { Writable } from 'node:stream';
import { loadConfig } from '../../../src/relay/config.ts';
import { createRelay, type Relay, type RelayDeps } from '../../../src/relay/create-relay.ts';
import { type FakeUpstream, fakeUpstream } from './fake-upstream.ts';
import { baseEnv, ORIGIN, type TempDir, tempDir } from './fixtures.ts';

export interface Harness {
  relay: Relay;
  upstream: FakeUpstream;
  dir: TempDir;
  logs: string[];
  /** POSTs a JSON submission the way the widget does. */
  post(
    body: unknown,
    init?: { origin?: string | null; headers?: Record<string, string>; ip?: string },
  ): Promise<Response>;
  close(): Promise<void>;
}

export function startHarness(
  env: Record<string, string> = {},
  deps: RelayDeps = {},
  existing?: TempDir,
): Harness {
  const dir = existing ?? tempDir();
  const upstream = fakeUpstream();
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const config = loadConfig(baseEnv({ RELAY_DATA_DIR: dir.path, ...env }));
  // Inline commits keep each test's start-up short; outbox and HTTP tests cover the thread.
  const relay = createRelay(config, {
    outboxWriter: 'inline',
    fetch: upstream.fetch,
    logStream,
    socketAddress: (c) => c.req.header('x-test-socket-ip') ?? '192.0.2.10',
    ...deps,
  });
  return {
    relay,
    upstream,
    dir,
    logs,
    post(body, init = {}) {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(text)),
        ...(init.origin === null ? {} : { origin: init.origin ?? ORIGIN }),
        ...(init.ip ? { 'x-test-socket-ip': init.ip } : {}),
        ...init.headers,
      };
      return Promise.resolve(relay.request('/v1/leads', { method: 'POST', body: text, headers }));
    },
    async close() {
      await relay.close(1000);
      if (!existing) dir.remove();
    },
  };
}
