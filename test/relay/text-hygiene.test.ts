// The relay is the authority on text: what reaches eleapi is clean, whatever the client sent.
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, validLead } from '../_util/relay/fixtures.ts';
import { type Harness, startHarness } from '../_util/relay/harness.ts';
import { EMOJI_NAME, NAMES_BY_LOCALE, PERSIAN_NAME } from '../fixtures/names-by-locale.ts';

let h: Harness;
afterEach(() => h.close());

describe('POST /v1/leads text hygiene', () => {
  it('forwards names in every locale script exactly as written, joiners included', async () => {
    h = startHarness({ RELAY_RATE_LIMIT: '100' });
    const names = [...Object.values(NAMES_BY_LOCALE), PERSIAN_NAME, EMOJI_NAME];
    for (const name of names) expect((await h.post(validLead({ name }))).status).toBe(202);
    await eventually(() => h.upstream.calls.length === names.length, 'every lead at eleapi');
    expect(new Set(h.upstream.calls.map((call) => call.body?.name))).toEqual(new Set(names));
  });

  it('forwards a name without its bidi override and a message without ESC and NUL', async () => {
    h = startHarness();
    const lead = validLead({
      name: 'Bob \u202Egnp.exe\u200B',
      message: 'Jose\u0301 here,\r\nplease \u001b[2Jcall\u0000',
    });
    expect((await h.post(lead)).status).toBe(202);
    await eventually(() => h.upstream.calls.length === 1, 'the lead at eleapi');
    expect(h.upstream.calls[0]?.body).toMatchObject({
      name: 'Bob gnp.exe',
      notes: [{ title: 'Message', description: 'José here,\nplease [2Jcall' }],
    });
  });

  it('answers 400 naming the field for a lone surrogate, and forwards nothing', async () => {
    h = startHarness();
    // JSON's \ud83d escape is how a lone surrogate arrives over the wire.
    const body = JSON.stringify(validLead({ name: 'NAME' })).replace('NAME', 'Ana \\ud83d');
    const response = await h.post(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      issues: [
        {
          path: 'name',
          message: 'name must be well-formed text (it holds half of a surrogate pair)',
        },
      ],
    });
    expect(h.upstream.calls).toEqual([]);
  });
});
