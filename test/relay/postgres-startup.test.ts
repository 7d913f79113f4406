// Start-up with a PostgreSQL URL that is malformed or leads nowhere: the relay stops with one
// line naming RELAY_DATABASE_URL and the reason, and never prints the password.
import { describe, expect, it } from 'vitest';
import { freePort } from '../_util/free-port.ts';
import { runRelayCli } from './support/child-relay.ts';
import { baseEnv } from './support/fixtures.ts';

const PASSWORD = 'hunter2-Sup3rSecret';

describe('eleapi-relay with RELAY_DATABASE_URL', () => {
  it('refuses a URL that is not postgres://, without printing it', async () => {
    const run = runRelayCli(
      baseEnv({ RELAY_DATABASE_URL: `mysql://relay:${PASSWORD}@db.example.com/relay` }),
    );
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain(
      'RELAY_DATABASE_URL must start with postgres:// or postgresql:// (got mysql://)',
    );
    expect(run.output()).not.toContain(PASSWORD);
  });

  it('refuses a URL that does not parse, without printing it', async () => {
    const run = runRelayCli(baseEnv({ RELAY_DATABASE_URL: `postgres://relay:${PASSWORD}@` }));
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('RELAY_DATABASE_URL must');
    expect(run.output()).not.toContain(PASSWORD);
  });

  it('stops with the reason when the database cannot be reached', async () => {
    const port = await freePort();
    const run = runRelayCli(
      baseEnv({ RELAY_DATABASE_URL: `postgres://relay:${PASSWORD}@127.0.0.1:${port}/relay` }),
    );
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(
      `RELAY_DATABASE_URL: cannot use the database at postgres://relay:***@127.0.0.1:${port}/relay: connect ECONNREFUSED`,
    );
    expect(run.output()).not.toContain(PASSWORD);
    expect(run.output()).not.toContain('relay listening');
  });
});
