// SIGHUP re-reads RELAY_SITES_FILE in the running relay process; a bad file keeps the old sites.
// The admin listing follows: a pair added by the reload is listed with its site's token.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChildRelay, killIfRunning, startRelayCli } from '../_util/relay/child-relay.ts';
import { ADMIN_TOKEN, type TempDir, TOKEN, tempDir, validLead } from '../_util/relay/fixtures.ts';
import { type StartedSim, startSim } from '../_util/sim/start-sim.ts';

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
  // The stand-in API answers the listing only with this token (useful: it checks what arrives).
  listToken: TOKEN,
};

let relay: ChildRelay | undefined;
let dir: TempDir | undefined;
let sim: StartedSim | undefined;
afterEach(async () => {
  await killIfRunning(relay);
  await sim?.close();
  sim = undefined;
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

const listB = async (url: string) =>
  (
    await fetch(`${url}/v1/leads?botId=botB&customerId=custB`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    })
  ).status;

describe('eleapi-relay on SIGHUP', () => {
  it('takes up a changed sites file for submissions and the admin listing, and keeps the sites in force when the new file is bad', async () => {
    dir = tempDir();
    const file = join(dir.path, 'sites.json');
    writeFileSync(file, JSON.stringify({ sites: [siteA] }));
    sim = await startSim({ token: 'sim_upsert_only', listToken: TOKEN });
    relay = await startRelayCli({
      ELEAPI_API_URL: sim.url,
      RELAY_SITES_FILE: file,
      RELAY_DATA_DIR: join(dir.path, 'data'),
      RELAY_ADMIN_TOKEN: ADMIN_TOKEN,
    });
    expect(await postFromB(relay.url)).toBe(403);
    expect(await listB(relay.url)).toBe(403);

    writeFileSync(file, JSON.stringify({ sites: [siteA, siteB] }));
    relay.child.kill('SIGHUP');
    await expect.poll(() => relay?.output()).toContain('"sites reloaded"');
    expect(await postFromB(relay.url)).toBe(202);
    expect(await listB(relay.url)).toBe(200);

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
