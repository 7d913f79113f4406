// Two relays in one process on one PostgreSQL database, as behind a load balancer: the limit per
// bot pair and each site's own per-address limit are one limit across them, and a site's new
// limit after a reload applies to both.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadConfig } from '../../src/relay/config.ts';
import { openSharedStore } from '../../src/relay/outbox/open-outbox.ts';
import { describePostgres } from '../_util/postgres/postgres.ts';
import { createTestDatabase, type TestDatabase } from '../_util/postgres/postgres-database.ts';
import { baseEnv, type TempDir, tempDir, validLead } from '../_util/relay/fixtures.ts';
import { type Harness, startHarness } from '../_util/relay/harness.ts';

const ORIGIN = 'https://a.example.com';
const lead = () => validLead({ botId: 'botA', customerId: 'custA' });

describePostgres('per-pair and per-site limits on a shared PostgreSQL outbox', (baseUrl) => {
  let database: TestDatabase;
  let dir: TempDir;
  const relays: Harness[] = [];
  beforeEach(async () => {
    database = await createTestDatabase(baseUrl, 'site_limits');
    dir = tempDir();
  });
  afterEach(async () => {
    for (const relay of relays.splice(0)) await relay.close();
    await database.drop();
    dir.remove();
  });

  function writeSites(site: { pairLimit?: number; rateLimit?: number }) {
    writeFileSync(
      join(dir.path, 'sites.json'),
      JSON.stringify({
        sites: [
          {
            name: 'shop-a',
            origins: [ORIGIN],
            bots: ['botA:custA'],
            token: 'tokA_SECRET',
            ...site,
          },
        ],
      }),
    );
  }

  async function startTwo() {
    const env = {
      RELAY_SITES_FILE: join(dir.path, 'sites.json'),
      RELAY_DATABASE_URL: database.url,
      RELAY_DB_POOL: '2',
      // The address limit of the environment stays out of the way: the site's own is tested.
      RELAY_RATE_LIMIT: '1000',
    };
    for (const instance of ['relay-a', 'relay-b']) {
      const config = loadConfig(baseEnv({ ...env, RELAY_DATA_DIR: dir.path }));
      const store = await openSharedStore(config);
      relays.push(startHarness({ ...env, RELAY_INSTANCE_ID: instance }, { store }, dir));
    }
    return relays as [Harness, Harness];
  }

  // One client after another, alternating between the relays; each from its own address unless told.
  async function postAlternately(count: number, ip?: (i: number) => string): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) {
      const relay = relays[i % 2] as Harness;
      const response = await relay.post(lead(), {
        origin: ORIGIN,
        ip: ip?.(i) ?? `198.51.100.${i + 1}`,
      });
      statuses.push(response.status);
    }
    return statuses;
  }

  it("refuses a pair's (limit+1)th lead with 429 across two relays, and takes up a new limit on reload", async () => {
    writeSites({ pairLimit: 3 });
    const [a, b] = await startTwo();
    expect(await postAlternately(4)).toEqual([202, 202, 202, 429]);

    // The minute's count (4: the refused attempt counts too) stays; a higher limit adds the rest.
    writeSites({ pairLimit: 6 });
    expect(a.relay.reloadSites()).toBe(true);
    expect(b.relay.reloadSites()).toBe(true);
    expect(await postAlternately(3)).toEqual([202, 202, 429]);
  });

  it("limits each address to the site's own rateLimit across two relays", async () => {
    writeSites({ rateLimit: 2 });
    await startTwo();
    expect(await postAlternately(3, () => '203.0.113.7')).toEqual([202, 202, 429]);
    // Another address is not held back by the first one's count.
    expect(await postAlternately(1, () => '203.0.113.8')).toEqual([202]);
  });
});
