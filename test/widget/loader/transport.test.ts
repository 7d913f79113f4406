import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createTransport,
  DEFAULT_TIMEOUT_MS,
  retryAfterMs,
} from '../../../src/widget/loader/transport.ts';
import { fakeFetch, globalTimer, json } from '../../_util/widget-fakes.ts';

const RELAY = 'https://relay.example.com';
const BODY = { uuid: 'u', botId: 'b', customerId: 'c', name: 'Ada' };

function transportWith(
  fetch: typeof globalThis.fetch,
  options: { timeoutMs?: number; online?: boolean } = {},
) {
  return createTransport({
    fetch,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    setTimer: globalTimer,
    online: () => options.online ?? true,
  });
}

const unreachable = { kind: 'kept', reason: 'unreachable' };

afterEach(() => {
  vi.useRealTimers();
});

describe('transport.post', () => {
  it('posts JSON to {relayUrl}/v1/leads', async () => {
    const { fetch, requests } = fakeFetch(json(202, { ok: true, id: '1' }));
    await transportWith(fetch).post(RELAY, BODY);
    expect(requests).toEqual([
      {
        url: 'https://relay.example.com/v1/leads',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: BODY,
      },
    ]);
  });

  it.each([
    ['202', json(202, { ok: true }), { kind: 'sent' }],
    ['500', json(500, {}), unreachable],
    ['503 without a body', new Response(null, { status: 503 }), unreachable],
    ['408', new Response(null, { status: 408 }), unreachable],
    [
      '429 with Retry-After in seconds',
      new Response(null, { status: 429, headers: { 'retry-after': '6' } }),
      { kind: 'kept', reason: 'rate-limited', retryAfterMs: 6_000 },
    ],
    [
      '429 without Retry-After',
      new Response(null, { status: 429 }),
      { kind: 'kept', reason: 'rate-limited' },
    ],
    [
      '403, with the relay’s words as the cause',
      json(403, {
        ok: false,
        error: 'bot_not_allowed',
        message: 'this relay does not accept leads for bot "x:y"',
      }),
      {
        kind: 'refused',
        status: 403,
        cause: 'the relay answered 403: this relay does not accept leads for bot "x:y"',
      },
    ],
    [
      '413',
      new Response('too big', { status: 413 }),
      { kind: 'refused', status: 413, cause: 'the relay answered 413' },
    ],
    [
      '400 that is not JSON',
      new Response('bad', { status: 400 }),
      { kind: 'refused', status: 400, cause: 'the relay answered 400' },
    ],
  ] as const)('maps a %s answer', async (_, response, expected) => {
    expect(await transportWith(fakeFetch(response).fetch).post(RELAY, BODY)).toEqual(expected);
  });

  it('passes the issues of a 400 on, dropping malformed ones', async () => {
    const issues = [{ path: 'email', message: 'email must be an address' }, { path: 3 }, null];
    const reply = json(400, { ok: false, error: 'validation', issues });
    expect(await transportWith(fakeFetch(reply).fetch).post(RELAY, BODY)).toEqual({
      kind: 'invalid',
      issues: [{ path: 'email', message: 'email must be an address' }],
    });
  });

  it('tells a network error while online (server unreachable) from one while offline', async () => {
    const { fetch } = fakeFetch('network-error');
    expect(await transportWith(fetch).post(RELAY, BODY)).toEqual(unreachable);
    expect(await transportWith(fetch, { online: false }).post(RELAY, BODY)).toEqual({
      kind: 'kept',
      reason: 'offline',
    });
  });

  it('gives up after 10 seconds by default: the server is unreachable', async () => {
    vi.useFakeTimers();
    const { fetch } = fakeFetch('hang');
    const result = transportWith(fetch).post(RELAY, BODY);
    await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS - 1);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toEqual(unreachable);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('takes an injected timeout', async () => {
    vi.useFakeTimers();
    const result = transportWith(fakeFetch('hang').fetch, { timeoutMs: 50 }).post(RELAY, BODY);
    await vi.advanceTimersByTimeAsync(50);
    expect(await result).toEqual(unreachable);
  });

  it('clears its timer once the relay answers', async () => {
    vi.useFakeTimers();
    await transportWith(fakeFetch(json(202, {})).fetch).post(RELAY, BODY);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('retryAfterMs', () => {
  it('reads delay-seconds (what the relay sends), and nothing else', () => {
    expect(retryAfterMs(' 6 ')).toBe(6_000);
    expect(retryAfterMs('Tue, 01 Dec 2026 12:00:04 GMT')).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});

describe('transport.dispose', () => {
  it('aborts requests in flight and leaves no timer', async () => {
    vi.useFakeTimers();
    const transport = transportWith(fakeFetch('hang').fetch);
    const result = transport.post(RELAY, BODY);
    transport.dispose();
    expect(await result).toEqual(unreachable);
    expect(vi.getTimerCount()).toBe(0);
  });
});
