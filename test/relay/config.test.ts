import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/relay/config.ts';

const minimal = {
  ELEAPI_TOKEN: 'tok_abc',
  RELAY_ALLOWED_ORIGINS: 'https://www.example.com',
  RELAY_ALLOWED_BOTS: 'bot1:cust1',
};

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig(minimal)).toMatchObject({
      apiUrl: 'https://api.v7.express-chat.ai',
      token: 'tok_abc',
      listToken: 'tok_abc',
      allowedOrigins: ['https://www.example.com'],
      allowedBots: [{ botId: 'bot1', customerId: 'cust1' }],
      adminToken: undefined,
      dataDir: './data',
      defaultStatus: undefined,
      rateLimitPerMinute: 10,
      trustProxy: false,
      port: 8787,
      host: '127.0.0.1',
      logLevel: 'info',
    });
  });

  it('reads every variable it documents', () => {
    const config = loadConfig({
      ...minimal,
      ELEAPI_API_URL: 'http://127.0.0.1:9000/',
      ELEAPI_LIST_TOKEN: 'tok_list',
      RELAY_ALLOWED_ORIGINS: 'https://a.example, http://localhost:5173',
      RELAY_ALLOWED_BOTS: 'b1:c1, b2:c2',
      RELAY_ADMIN_TOKEN: 'a-long-admin-token-123',
      RELAY_DATA_DIR: '/var/lib/relay',
      RELAY_DEFAULT_STATUS: 'open',
      RELAY_RATE_LIMIT: '30',
      RELAY_TRUST_PROXY: 'true',
      PORT: '0',
      HOST: '0.0.0.0',
      LOG_LEVEL: 'WARN',
      RELAY_AGENT_ID: '631aa793bcfa100487d13d0d',
      RELAY_PICTURE_URL: 'https://cdn.example.com/lead.png',
      RELAY_MAX_ATTEMPTS: '5',
    });
    expect(config).toMatchObject({
      apiUrl: 'http://127.0.0.1:9000',
      listToken: 'tok_list',
      allowedOrigins: ['https://a.example', 'http://localhost:5173'],
      allowedBots: [
        { botId: 'b1', customerId: 'c1' },
        { botId: 'b2', customerId: 'c2' },
      ],
      adminToken: 'a-long-admin-token-123',
      dataDir: '/var/lib/relay',
      defaultStatus: 'OPEN',
      rateLimitPerMinute: 30,
      trustProxy: true,
      port: 0,
      host: '0.0.0.0',
      logLevel: 'warn',
      agentId: '631aa793bcfa100487d13d0d',
      pictureUrl: 'https://cdn.example.com/lead.png',
      maxAttempts: 5,
    });
  });

  it('names every missing required variable in one error', () => {
    expect(problemsOf({})).toEqual([
      'ELEAPI_TOKEN is required',
      'RELAY_ALLOWED_ORIGINS is required',
      'RELAY_ALLOWED_BOTS is required',
    ]);
  });

  it('names every malformed variable in one error, with what was expected', () => {
    const problems = problemsOf({
      ...minimal,
      ELEAPI_API_URL: 'ftp://nope',
      RELAY_ALLOWED_ORIGINS: 'https://ok.example, https://bad.example/path',
      RELAY_ALLOWED_BOTS: 'onlybot',
      RELAY_DEFAULT_STATUS: 'DONE',
      RELAY_RATE_LIMIT: 'ten',
      RELAY_TRUST_PROXY: 'maybe',
      PORT: '70000',
      LOG_LEVEL: 'verbose',
      RELAY_ADMIN_TOKEN: 'short',
    });
    expect(problems).toEqual([
      'ELEAPI_API_URL must be an http(s) URL like https://api.v7.express-chat.ai (got "ftp://nope")',
      'RELAY_ALLOWED_ORIGINS must be a comma list of origins like https://www.example.com (scheme and host, no path or trailing slash): "https://bad.example/path" is not one (got "https://ok.example, https://bad.example/path")',
      'RELAY_ALLOWED_BOTS must be a comma list of botId:customerId pairs (letters, digits, "_" or "-"): "onlybot" is not one (got "onlybot")',
      'RELAY_ADMIN_TOKEN must be at least 16 characters without spaces',
      'RELAY_DEFAULT_STATUS must be one of OPEN, INPROGRESS, REVIEW, ONHOLD, DEPENDANCY, CLOSED (got "DONE")',
      'RELAY_RATE_LIMIT must be a whole number from 1 to 1000000000 (got "ten")',
      'RELAY_TRUST_PROXY must be true or false (got "maybe")',
      'PORT must be a whole number from 0 to 65535 (got "70000")',
      'LOG_LEVEL must be one of debug, info, warn, error (got "verbose")',
    ]);
  });

  it('starts its message with a line an operator can act on', () => {
    expect(() => loadConfig({})).toThrow(
      /^the relay cannot start, fix these environment variables:\n {2}- ELEAPI_TOKEN is required/,
    );
  });

  it('never quotes a token in its problems', () => {
    const problems = problemsOf({ ...minimal, ELEAPI_TOKEN: 'has a space secretvalue' });
    expect(problems).toEqual(['ELEAPI_TOKEN must not contain spaces']);
    expect(problems.join()).not.toContain('secretvalue');
  });

  it('treats a blank variable as unset', () => {
    expect(loadConfig({ ...minimal, PORT: '', RELAY_DEFAULT_STATUS: ' ' })).toMatchObject({
      port: 8787,
      defaultStatus: undefined,
    });
  });

  it('names a bad ELEAPI_API_URL without its credentials, query or fragment', () => {
    const [problem = ''] = problemsOf({
      ...minimal,
      ELEAPI_API_URL: 'ftp://deploy:hunter2@api.example.com/v1?token=tok_secret#frag',
    });
    expect(problem).toMatch(/^ELEAPI_API_URL must be an http\(s\) URL/);
    expect(problem).toContain('(got "ftp://api.example.com/v1")');
    for (const secret of ['deploy', 'hunter2', 'tok_secret', 'frag']) {
      expect(problem).not.toContain(secret);
    }
  });

  it('refuses an http(s) URL that holds credentials, without quoting them', () => {
    const problems = problemsOf({ ...minimal, ELEAPI_API_URL: 'https://u:pw123@api.example.com' });
    expect(problems).toEqual([
      'ELEAPI_API_URL must not hold credentials (user:password@) (got "https://api.example.com")',
    ]);
  });

  it('reads the HTTP timeouts and refuses headers allowed longer than the request', () => {
    expect(loadConfig(minimal)).toMatchObject({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 15_000,
    });
    expect(
      loadConfig({
        ...minimal,
        RELAY_HEADERS_TIMEOUT_MS: '2000',
        RELAY_REQUEST_TIMEOUT_MS: '3000',
      }),
    ).toMatchObject({ headersTimeoutMs: 2_000, requestTimeoutMs: 3_000 });
    expect(problemsOf({ ...minimal, RELAY_HEADERS_TIMEOUT_MS: '20000' })).toEqual([
      'RELAY_HEADERS_TIMEOUT_MS must not exceed RELAY_REQUEST_TIMEOUT_MS',
    ]);
  });

  it('guards /metrics with RELAY_METRICS_TOKEN, else the admin token, unless made public', () => {
    const admin = 'a-long-admin-token-123';
    expect(loadConfig(minimal)).toMatchObject({ metricsToken: undefined, metricsPublic: false });
    expect(loadConfig({ ...minimal, RELAY_ADMIN_TOKEN: admin }).metricsToken).toBe(admin);
    expect(
      loadConfig({
        ...minimal,
        RELAY_ADMIN_TOKEN: admin,
        RELAY_METRICS_TOKEN: 'metrics-token-0123456',
      }).metricsToken,
    ).toBe('metrics-token-0123456');
    expect(loadConfig({ ...minimal, RELAY_METRICS_PUBLIC: 'true' }).metricsPublic).toBe(true);
    expect(problemsOf({ ...minimal, RELAY_METRICS_TOKEN: 'short' })).toEqual([
      'RELAY_METRICS_TOKEN must be at least 16 characters without spaces',
    ]);
  });
});

describe('loadConfig: delivery and leases', () => {
  it('retries by age alone unless RELAY_MAX_ATTEMPTS is set', () => {
    expect(loadConfig(minimal).maxAttempts).toBeUndefined();
    expect(loadConfig({ ...minimal, RELAY_MAX_ATTEMPTS: '40' }).maxAttempts).toBe(40);
    expect(problemsOf({ ...minimal, RELAY_MAX_ATTEMPTS: '0' })).toEqual([
      'RELAY_MAX_ATTEMPTS must be a whole number from 1 to 1000000 (got "0")',
    ]);
  });

  it('leases for at least a minute, or three upstream timeouts, unless RELAY_LEASE_MS says', () => {
    expect(loadConfig(minimal).leaseMs).toBe(60_000);
    expect(loadConfig({ ...minimal, RELAY_UPSTREAM_TIMEOUT_MS: '30000' }).leaseMs).toBe(90_000);
    expect(loadConfig({ ...minimal, RELAY_LEASE_MS: '5000' }).leaseMs).toBe(5_000);
    expect(problemsOf({ ...minimal, RELAY_LEASE_MS: '10' })).toEqual([
      'RELAY_LEASE_MS must be a whole number from 1000 to 86400000 (got "10")',
    ]);
  });

  it('names each process uniquely unless RELAY_INSTANCE_ID is set', () => {
    const a = loadConfig(minimal).instanceId;
    expect(a).toMatch(new RegExp(`:${process.pid}:`));
    expect(loadConfig(minimal).instanceId).not.toBe(a);
    expect(loadConfig({ ...minimal, RELAY_INSTANCE_ID: 'relay-eu-1' }).instanceId).toBe(
      'relay-eu-1',
    );
    expect(problemsOf({ ...minimal, RELAY_INSTANCE_ID: 'has space' })).toEqual([
      'RELAY_INSTANCE_ID must be 1 to 128 printable ASCII characters without spaces (got "has space")',
    ]);
  });
});
