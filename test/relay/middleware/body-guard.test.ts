import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isJsonContentType } from '../../../src/relay/middleware/body-guard.ts';
import { eventually, ORIGIN, validLead } from '../../_util/relay/fixtures.ts';
import { type Harness, startHarness } from '../../_util/relay/harness.ts';

let h: Harness;
beforeEach(() => {
  h = startHarness();
});
afterEach(() => h.close());

function chunkedBody(text: string, chunkSize = 1000): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

function postChunked(text: string): Promise<Response> {
  return Promise.resolve(
    h.relay.request('/v1/leads', {
      method: 'POST',
      body: chunkedBody(text),
      duplex: 'half',
      headers: {
        'content-type': 'application/json',
        'transfer-encoding': 'chunked',
        origin: ORIGIN,
      },
    } as RequestInit),
  );
}

async function expectNothingUpstream(): Promise<void> {
  const sentinel = validLead();
  expect((await h.post(sentinel)).status).toBe(202);
  await eventually(() => h.upstream.calls.length > 0, 'the sentinel lead upstream');
  expect(h.upstream.calls.map((call) => call.body?.uuid)).toEqual([sentinel.uuid]);
}

describe('POST /v1/leads body guard', () => {
  it('answers 415 for a body that is not declared as JSON', async () => {
    const response = await h.post(validLead(), { headers: { 'content-type': 'text/plain' } });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      ok: false,
      error: 'unsupported_media_type',
      message: 'send the lead as JSON with "Content-Type: application/json"',
    });
    await expectNothingUpstream();
  });

  it('answers 411 when there is neither Content-Length nor chunked encoding', async () => {
    const response = await h.relay.request('/v1/leads', {
      method: 'POST',
      body: JSON.stringify(validLead()),
      headers: { 'content-type': 'application/json', origin: ORIGIN },
    });
    expect(response.status).toBe(411);
    expect(await response.json()).toMatchObject({ ok: false, error: 'length_required' });
    await expectNothingUpstream();
  });

  it('answers 413 for bodies over 16 KiB, from the declared length', async () => {
    const big = JSON.stringify({ ...validLead(), message: 'x'.repeat(17_000) });
    const response = await h.post(big);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      ok: false,
      error: 'payload_too_large',
      message: 'the body must be at most 16384 bytes',
    });
    await expectNothingUpstream();
  });

  it('answers 413 for a chunked body that grows past 16 KiB', async () => {
    const response = await postChunked(
      JSON.stringify({ ...validLead(), message: 'y'.repeat(20_000) }),
    );
    expect(response.status).toBe(413);
    await expectNothingUpstream();
  });

  it('accepts a chunked body within the limit', async () => {
    const lead = validLead();
    const response = await postChunked(JSON.stringify(lead));
    expect(response.status).toBe(202);
    await eventually(() => h.upstream.delivered().length === 1, 'the lead upstream');
    expect(h.upstream.delivered()[0]?.uuid).toBe(lead.uuid);
  });

  it('answers 413 when the body is longer than its declared length allows', async () => {
    const big = JSON.stringify({ ...validLead(), message: 'z'.repeat(17_000) });
    const response = await h.post(big, { headers: { 'content-length': '100' } });
    expect(response.status).toBe(413);
  });

  it('answers 400 for a body that is not UTF-8', async () => {
    const response = await h.relay.request('/v1/leads', {
      method: 'POST',
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
      headers: { 'content-type': 'application/json', 'content-length': '4', origin: ORIGIN },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).issues).toEqual([
      { path: '(body)', message: 'the body must be UTF-8 text' },
    ]);
  });
});

describe('isJsonContentType', () => {
  it.each([
    ['application/json', true],
    ['Application/JSON; charset=UTF-8', true],
    ['application/json;charset="utf-8"', true],
    ['application/json; charset=latin1', false],
    ['application/jsonp', false],
    ['text/plain', false],
    [undefined, false],
  ])('%s → %s', (header, expected) => {
    expect(isJsonContentType(header)).toBe(expected);
  });
});
