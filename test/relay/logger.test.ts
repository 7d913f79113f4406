import { describe, expect, it } from 'vitest';
import { maskEmail, maskEmailsIn, maskIp, maskPhone } from '../../src/relay/logger.ts';
import { ADMIN_TOKEN, eventually, TOKEN, validLead } from '../_util/relay/fixtures.ts';
import { startHarness } from '../_util/relay/harness.ts';

describe('masking', () => {
  it('keeps enough of an email, phone or address to tell them apart, not to use them', () => {
    expect(maskEmail('alice@example.com')).toBe('a***@example.com');
    expect(maskPhone('+44 7911 123456')).toBe('***3456');
    expect(maskPhone('123')).toBe('***');
    expect(maskIp('203.0.113.77')).toBe('203.0.113.x');
    expect(maskIp('2001:db8:85a3:1:2:3:4:5')).toBe('2001:db8:85a3:1:x');
  });
});

describe('relay logs and answers', () => {
  it('never contain a token or an unmasked email or phone, whatever happens', async () => {
    const h = startHarness();
    // An upstream that echoes everything back, token and personal data included.
    h.upstream.answerWith((call) => ({
      status: 200,
      body: {
        success: false,
        message: `bad ${call.headers['x-bp-token']} ${JSON.stringify(call.body)}`,
        code: 400,
      },
    }));
    const bodies: string[] = [];
    const headers: string[] = [];
    const record = async (response: Response | Promise<Response>) => {
      const r = await response;
      bodies.push(await r.text());
      for (const [key, value] of r.headers) headers.push(`${key}: ${value}`);
    };
    const lead = validLead({ email: 'grace.hopper@example.com', phone: '020 7946 0958' });
    await record(h.post(lead));
    await record(h.post({ ...lead, email: `${TOKEN}@x` }));
    await record(h.post(validLead(), { origin: 'https://evil.example' }));
    await eventually(async () => {
      const r = await h.relay.request('/v1/outbox?state=dead', {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      const text = await r.text();
      bodies.push(text);
      return JSON.parse(text).rows.length === 1;
    }, 'a dead letter');
    await record(
      h.relay.request('/v1/outbox', { headers: { authorization: 'Bearer wrong-admin-token' } }),
    );
    await record(
      h.relay.request('/metrics', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }),
    );
    await record(h.relay.request('/readyz'));
    await h.close();

    expect(h.logs.length).toBeGreaterThan(4);
    for (const line of h.logs) {
      expect(() => JSON.parse(line)).not.toThrow();
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain(ADMIN_TOKEN);
      expect(line).not.toContain('grace.hopper@example.com');
      expect(line).not.toMatch(/7946\s?0958/);
    }
    expect(h.logs.join('\n')).toContain('"email":"g***@example.com"');
    expect(h.logs.join('\n')).toContain('"phone":"***0958"');
    for (const text of [...bodies, ...headers]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(ADMIN_TOKEN);
    }
  });

  it('writes one line per request outcome and per delivery attempt', async () => {
    const h = startHarness();
    h.upstream.answerWith((_call, n) => (n === 1 ? { status: 503 } : { status: 200 }));
    await h.post(validLead());
    await h.post(validLead({ email: 'bad' }));
    await eventually(() => h.upstream.delivered().length === 1, 'the lead upstream');
    await h.close();
    const entries = h.logs.map((line) => JSON.parse(line));
    const requests = entries.filter((e) => e.msg === 'request');
    expect(requests.map((e) => [e.status, e.reason])).toEqual([
      [202, undefined],
      [400, 'validation'],
    ]);
    expect(entries.filter((e) => e.msg === 'delivery failed, will retry')).toHaveLength(1);
    expect(entries.filter((e) => e.msg === 'delivered')).toHaveLength(1);
  });

  it('respects LOG_LEVEL', async () => {
    const h = startHarness({ LOG_LEVEL: 'warn' });
    await h.post(validLead());
    await h.post(validLead({ email: 'bad' }));
    await eventually(() => h.upstream.delivered().length === 1, 'the lead upstream');
    await h.close();
    expect(h.logs).toEqual([]);
  });
});

describe('maskEmailsIn', () => {
  it('masks every email-shaped text and leaves the rest alone', () => {
    expect(maskEmailsIn('from grace.hopper@example.com and al@x.io')).toBe(
      'from g***@example.com and a***@x.io',
    );
    expect(maskEmailsIn('{"email":"a***@example.com"}')).toBe('{"email":"a***@example.com"}');
    expect(maskEmailsIn('no at sign, a @ b, @handle, x@')).toBe('no at sign, a @ b, @handle, x@');
  });
});
