// SIGHUP re-reads RELAY_SITES_FILE in the running relay process; a bad file keeps the old sites.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChildRelay, killIfRunning, startRelayCli } from './support/child-relay.ts';
import { type TempDir, tempDir, validLead } from './support/fixtures.ts';

const siteA = {
  name: 'shop-a',
  origins: ['https://a.example.com'],
  bots: ['botA:custA'],
  token: 'tokA_SECRET_reload',
};
const siteB = {
  name: 'shop-b',
  origins: ['https://b.example.com'],
  bots: ['botB:custB'],
  token: 'tokB_SECRET_reload',
};

let relay: ChildRelay | undefined;
let dir: TempDir | undefined;
afterEach(async () => {
  await killIfRunning(relay);
  dir?.remove();
});

const postFromB = async (url: string) =>
  (
    await fetch(`${url}/v1/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://b.example.com' },
      body: JSON.stringify(validLead({ botId: 'botB', customerId: 'custB' })),
    })
  ).status;

describe('eleapi-relay on SIGHUP', () => {
  it('takes up a changed sites file, and keeps the sites in force when the new file is bad', async () => {
    dir = tempDir();
    const file = join(dir.path, 'sites.json');
    writeFileSync(file, JSON.stringify({ sites: [siteA] }));
    relay = await startRelayCli({
      ELEAPI_API_URL: 'http://127.0.0.1:9',
      RELAY_SITES_FILE: file,
      RELAY_DATA_DIR: join(dir.path, 'data'),
    });
    expect(await postFromB(relay.url)).toBe(403);

    writeFileSync(file, JSON.stringify({ sites: [siteA, siteB] }));
    relay.child.kill('SIGHUP');
    await expect.poll(() => relay?.output()).toContain('"sites reloaded"');
    expect(await postFromB(relay.url)).toBe(202);

    writeFileSync(
      file,
      JSON.stringify({ sites: [siteA, { ...siteB, origins: ['not an origin'] }] }),
    );
    relay.child.kill('SIGHUP');
    await expect.poll(() => relay?.output()).toContain('sites reload failed');
    expect(relay.output()).toContain('sites[1].origins[0]: must be an origin');
    expect(await postFromB(relay.url)).toBe(202);
    expect(relay.output()).not.toContain(siteA.token);
    expect(relay.output()).not.toContain(siteB.token);
  });

  it('refuses to start with a bad sites file, naming the problem', async () => {
    dir = tempDir();
    const file = join(dir.path, 'sites.json');
    writeFileSync(file, JSON.stringify({ sites: [{ ...siteA, token: '' }] }));
    const started = startRelayCli({
      RELAY_SITES_FILE: file,
      RELAY_DATA_DIR: join(dir.path, 'data'),
    });
    await expect(started).rejects.toThrow(/sites\[0\]\.token: token must not be empty/);
  });
});
