import { describe, expect, it } from 'vitest';
import { parseSimCli } from '../../src/sim/sim-cli-options.ts';

describe('eleapi-sim options', () => {
  it('defaults to 127.0.0.1:8788 with token sim-token and no faults', () => {
    const parsed = parseSimCli([], {});
    expect(parsed).toEqual({
      ok: true,
      options: {
        help: false,
        port: 8788,
        host: '127.0.0.1',
        sim: { token: 'sim-token', switches: {} },
      },
    });
  });

  it('reads every switch from flags', () => {
    const parsed = parseSimCli(
      [
        '--port=0',
        '--latency-ms=20',
        '--error-rate=0.25',
        '--fail-status=429',
        '--timeout-rate=.5',
        '--hang-ms=1000',
        '--retry-after=3',
        '--fault-scope=all',
        '--seed=25',
        '--seed-bot-id=b1',
        '--seed-customer-id=c1',
        '--list-token=lt',
      ],
      {},
    );
    expect(parsed.ok && parsed.options).toMatchObject({
      port: 0,
      sim: {
        listToken: 'lt',
        switches: {
          latencyMs: 20,
          errorRate: 0.25,
          failStatus: 429,
          timeoutRate: 0.5,
          hangMs: 1000,
          retryAfterSeconds: 3,
          faultScope: 'all',
        },
        seed: { count: 25, botId: 'b1', customerId: 'c1' },
      },
    });
  });

  it('reads ELEAPI_SIM_* variables, and a flag wins over its variable', () => {
    const parsed = parseSimCli(['--error-rate', '0.5'], {
      ELEAPI_SIM_TOKEN: 'secret',
      ELEAPI_SIM_ERROR_RATE: '1',
      ELEAPI_SIM_LATENCY_MS: '15',
    });
    expect(parsed.ok && parsed.options.sim).toMatchObject({
      token: 'secret',
      switches: { errorRate: 0.5, latencyMs: 15 },
    });
  });

  it('lists every bad value, naming the flag or the variable it came from', () => {
    const parsed = parseSimCli(['--port', '70000', '--fail-status', '200'], {
      ELEAPI_SIM_ERROR_RATE: '1.5',
    });
    expect(parsed).toEqual({
      ok: false,
      problems: [
        'ELEAPI_SIM_ERROR_RATE must be a number from 0 to 1 (got "1.5")',
        '--fail-status must be an HTTP error status from 400 to 599 (got "200")',
        '--port must be a port number from 0 to 65535 (got "70000")',
      ],
    });
  });

  it.each([
    [['--latency-ms=-5'], '--latency-ms must be whole milliseconds'],
    [['--timeout-rate', 'often'], '--timeout-rate must be a number from 0 to 1'],
    [['--seed', '2.5'], '--seed must be a whole number'],
    [['--fault-scope', 'list'], '--fault-scope must be "upsert" or "all"'],
    [['--token', ' '], '--token must be a non-empty value'],
  ])('refuses %j', (args, message) => {
    const parsed = parseSimCli(args, {});
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems[0]).toContain(message);
  });

  it('refuses an unknown flag by name', () => {
    const parsed = parseSimCli(['--latency', '5'], {});
    expect(!parsed.ok && parsed.problems[0]).toContain("'--latency'");
  });
});
