// The relay as the phone authority, seen from outside: the 400 the form shows on the field, and
// the number eleapi receives.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, validLead } from '../../_util/relay/fixtures.ts';
import { type Harness, startHarness } from '../../_util/relay/harness.ts';

let h: Harness;
beforeEach(() => {
  h = startHarness();
});
afterEach(() => h.close());

describe('POST /v1/leads phone numbers', () => {
  it('answers 400 with a phone issue alone for a number that cannot exist, and sends nothing', async () => {
    // A UK mobile one digit short: possible by length for a landline, not a valid number.
    const response = await h.post(validLead({ phone: '07911 12345', dialCode: '+44' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      ok: false,
      error: 'validation',
      issues: [
        { path: 'phone', message: "This doesn't look like a valid number for United Kingdom" },
      ],
    });
    const sentinel = validLead();
    expect((await h.post(sentinel)).status).toBe(202);
    await eventually(() => h.upstream.calls.length > 0, 'the sentinel lead upstream');
    expect(h.upstream.calls.map((call) => call.body?.uuid)).toEqual([sentinel.uuid]);
  });

  it('forwards "0049 151 23456789" as +49 15123456789, never +49 4915123456789', async () => {
    const lead = validLead({ phone: '0049 151 23456789', dialCode: '+49' });
    expect((await h.post(lead)).status).toBe(202);
    await eventually(() => h.upstream.delivered().length === 1, 'the lead upstream');
    expect(h.upstream.calls[0]?.body).toMatchObject({ phone: '15123456789', dialCode: '+49' });
  });

  it('forwards the national number without its trunk prefix, and the extension as a note', async () => {
    const lead = validLead({ phone: '(202) 555-0123 ext. 12', dialCode: '+1', message: 'Hi' });
    expect((await h.post(lead)).status).toBe(202);
    await eventually(() => h.upstream.delivered().length === 1, 'the lead upstream');
    expect(h.upstream.calls[0]?.body).toMatchObject({
      phone: '2025550123',
      dialCode: '+1',
      notes: [
        { title: 'Message', description: 'Hi' },
        { title: 'Phone extension', description: '12' },
      ],
    });
  });

  it("forwards Argentina's mobile written with 15 as libphonenumber reads it", async () => {
    const lead = validLead({ phone: '011 15-2345-6789', dialCode: '+54' });
    expect((await h.post(lead)).status).toBe(202);
    await eventually(() => h.upstream.delivered().length === 1, 'the lead upstream');
    expect(h.upstream.calls[0]?.body).toMatchObject({ phone: '91123456789', dialCode: '+54' });
  });
});
