import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTransport, DEFAULT_TIMEOUT_MS } from '../../src/widget/transport.ts';
import { fakeFetch, json } from '../_util/widget-fakes.ts';

const RELAY = 'https://relay.example.com';
const BODY = { uuid: 'u', botId: 'b', customerId: 'c', name: 'Ada' };

function transportWith(fetch: typeof globalThis.fetch, timeoutMs?: number) {
  return createTransport({
    fetch,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle),
  });
}

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
    ['500', json(500, {}), { kind: 'retry' }],
    ['503 without a body', new Response(null, { status: 503 }), { kind: 'retry' }],
    ['408', new Response(null, { status: 408 }), { kind: 'retry' }],
    ['403', json(403, { ok: false }), { kind: 'refused', status: 403 }],
    ['413', new Response('too big', { status: 413 }), { kind: 'refused', status: 413 }],
    ['429', new Response(null, { status: 429 }), { kind: 'refused', status: 429 }],
    [
      '400 that is not JSON',
      new Response('bad', { status: 400 }),
      { kind: 'refused', status: 400 },
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

  it('answers retry on a network error', async () => {
    expect(await transportWith(fakeFetch('network-error').fetch).post(RELAY, BODY)).toEqual({
      kind: 'retry',
    });
  });

  it('gives up after 10 seconds by default and answers retry', async () => {
    vi.useFakeTimers();
    const { fetch } = fakeFetch('hang');
    const result = transportWith(fetch).post(RELAY, BODY);
    await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS - 1);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toEqual({ kind: 'retry' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('takes an injected timeout', async () => {
    vi.useFakeTimers();
    const result = transportWith(fakeFetch('hang').fetch, 50).post(RELAY, BODY);
    await vi.advanceTimersByTimeAsync(50);
    expect(await result).toEqual({ kind: 'retry' });
  });

  it('clears its timer once the relay answers', async () => {
    vi.useFakeTimers();
    await transportWith(fakeFetch(json(202, {})).fetch).post(RELAY, BODY);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('transport.dispose', () => {
  it('aborts requests in flight and leaves no timer', async () => {
    vi.useFakeTimers();
    const transport = transportWith(fakeFetch('hang').fetch);
    const result = transport.post(RELAY, BODY);
    transport.dispose();
    expect(await result).toEqual({ kind: 'retry' });
    expect(vi.getTimerCount()).toBe(0);
  });
});
