// The relay as a real process on a damaged or full disk: it says so, answers 503, never a 202
// it cannot keep, never a 500, and never resends a lead in a loop.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChildRelay, runRelayCli, startRelayCli } from '../_util/relay/child-relay.ts';
import { damagePages } from '../_util/relay/damage.ts';
import {
  ADMIN_TOKEN,
  baseEnv,
  eventually,
  ORIGIN,
  type TempDir,
  tempDir,
  validLead,
} from '../_util/relay/fixtures.ts';
import { type StubEleapi, startStubEleapi } from '../_util/relay/stub-eleapi.ts';

const OUTBOX = 'outbox.sqlite';
let relay: ChildRelay | undefined;
let stub: StubEleapi | undefined;
let dir: TempDir | undefined;
let mounted: string | undefined;
afterEach(async () => {
  if (relay?.child.exitCode === null) {
    relay.child.kill('SIGKILL');
    await relay.exited;
  }
  relay = undefined;
  await stub?.close();
  stub = undefined;
  if (mounted) execFileSync('umount', ['-l', mounted]);
  mounted = undefined;
  dir?.remove();
  dir = undefined;
});

const env = (dataDir: string, url: string, extra: Record<string, string> = {}) =>
  baseEnv({ ELEAPI_API_URL: url, RELAY_DATA_DIR: dataDir, RELAY_RATE_LIMIT: '100000', ...extra });

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(`${url}/v1/leads`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', origin: ORIGIN },
  });
}

/** A relay whose outbox holds `count` leads (notes make them span many pages), then stopped. */
async function seedOutbox(dataDir: string, count: number): Promise<void> {
  const upstream = await startStubEleapi('hang');
  const seeding = await startRelayCli(
    env(dataDir, upstream.url, { RELAY_CONCURRENCY: '1', RELAY_SHUTDOWN_GRACE_MS: '0' }),
  );
  for (let i = 0; i < count; i++) {
    const response = await post(
      seeding.url,
      validLead({ message: `note ${i} ${'x'.repeat(300)}` }),
    );
    expect(response.status).toBe(202);
  }
  seeding.child.kill('SIGTERM');
  await upstream.close();
  await seeding.exited;
}

describe('a damaged outbox', () => {
  it('stops start-up with one message naming the file and the recovery, deleting nothing', async () => {
    dir = tempDir();
    await seedOutbox(dir.path, 150);
    const file = join(dir.path, OUTBOX);
    damagePages(file);
    const before = readFileSync(file);
    const run = runRelayCli(env(dir.path, 'http://127.0.0.1:9', { PORT: '0' }));
    relay = { ...run, url: '' };
    expect(await run.exited).not.toBe(0);
    const output = run.output();
    expect(output).toContain(`the outbox file ${file} is damaged`);
    expect(output).toContain(`sqlite3 ${file} ".recover"`);
    expect(output.match(/is damaged/g)).toHaveLength(1);
    expect(output).not.toContain('relay listening');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('answers 503 with Retry-After to leads and readiness once damage shows at run time', async () => {
    dir = tempDir();
    await seedOutbox(dir.path, 150);
    stub = await startStubEleapi('hang');
    relay = await startRelayCli(env(dir.path, stub.url, { RELAY_UPSTREAM_TIMEOUT_MS: '120000' }));
    const url = relay.url;
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    damagePages(join(dir.path, OUTBOX));
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await post(url, validLead());
      statuses.push(response.status);
      if (response.status === 503) expect(response.headers.get('retry-after')).not.toBeNull();
    }
    const ready = await fetch(`${url}/readyz`);
    const listing = await fetch(`${url}/v1/outbox`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(statuses).toEqual([503, 503, 503, 503, 503]);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ok: false, checks: { config: 'ok', outbox: 'damaged' } });
    expect(listing.status).toBe(503);
    expect(listing.headers.get('retry-after')).not.toBeNull();
  });
});

describe('a full disk', () => {
  it('sends each lead a handful of times at most while outcomes cannot be written', async (ctx) => {
    dir = tempDir();
    const mount = join(dir.path, 'small');
    mkdirSync(mount);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mount], { stdio: 'pipe' });
      mounted = mount;
    } catch (error) {
      console.log(`skipped: cannot mount a small tmpfs (${(error as Error).message.trim()})`);
      ctx.skip();
      return;
    }
    stub = await startStubEleapi('down');
    const fast = {
      RELAY_BACKOFF_BASE_MS: '20',
      RELAY_BACKOFF_CAP_MS: '100',
      RELAY_LEASE_MS: '2000',
    };
    relay = await startRelayCli(env(join(mount, 'data'), stub.url, fast));
    const leads = Array.from({ length: 31 }, () => validLead());
    for (const lead of leads) expect((await post(relay.url, lead)).status).toBe(202);
    await eventually(() => stub?.puts.size === 31, 'every lead tried once');

    const filler = join(mount, 'filler');
    const fd = openSync(filler, 'w');
    try {
      const chunk = Buffer.alloc(64 * 1024, 1);
      for (;;) writeSync(fd, chunk);
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      closeSync(fd);
    }
    stub.puts.clear();
    stub.mode = 'ok';
    const running = relay;
    // Paused, then four probes (a second apart at least) found the outbox still full.
    await eventually(
      () => (running.output().match(/the outbox still cannot take writes/g) ?? []).length >= 4,
      'four failed probes',
      30_000,
    );
    const perLead = [...stub.puts.values()];
    expect(Math.max(0, ...perLead)).toBeLessThanOrEqual(4);
    expect(perLead.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(31 * 4);

    rmSync(filler);
    const upstream = stub;
    await eventually(
      () => upstream.delivered.size === 31,
      'every lead once the disk has room',
      30_000,
    );
  }, 90_000);
});
