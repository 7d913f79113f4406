import { describe, expect, it } from 'vitest';
import { LEAD, makeSim, PAGE1 } from '../_util/sim/sim-test-kit.ts';

async function onlyChat(sim: ReturnType<typeof makeSim>) {
  const body = await (await sim.list(PAGE1)).json();
  expect(body.data).toHaveLength(1);
  return body.data[0];
}

describe('PUT /inbox/direct/lead', () => {
  it('answers the documented envelope and records what arrived', async () => {
    const sim = makeSim();
    const res = await sim.upsert({ ...LEAD, name: 'Ana' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ success: true, message: 'ok', code: 200 });
    const [received] = sim.state.received();
    expect(received?.body).toEqual({ ...LEAD, name: 'Ana' });
    expect(received?.headers['x-bp-token']).toBe('test-token');
    expect(received?.at).toBe('2024-03-01T10:00:00.000Z');
  });

  it('answers 401 without the x-bp-token header and stores nothing', async () => {
    const sim = makeSim();
    const res = await sim.upsert({ ...LEAD, name: 'Ana' }, null);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      success: false,
      message: 'x-bp-token header is required',
      code: 401,
    });
    expect(sim.state.received()).toEqual([]);
  });

  it('answers 401 for a wrong token', async () => {
    const res = await makeSim().upsert({ ...LEAD }, 'nope');
    expect(res.status).toBe(401);
    expect((await res.json()).message).toBe('x-bp-token is not a valid token');
  });

  it('does not take the listing header x-bot-token in place of x-bp-token', async () => {
    const sim = makeSim();
    const res = await sim.app.request('/inbox/direct/lead', {
      method: 'PUT',
      headers: { 'x-bot-token': 'test-token' },
      body: JSON.stringify(LEAD),
    });
    expect(res.status).toBe(401);
  });

  it.each([
    ['uuid', { botId: 'b', customerId: 'c' }],
    ['botId', { uuid: 'u', customerId: 'c' }],
    ['customerId', { uuid: 'u', botId: 'b' }],
  ])('answers 400 naming %s when it is missing', async (field, body) => {
    const res = await makeSim().upsert(body);
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json).toMatchObject({ success: false, code: 400 });
    expect(json.message).toMatch(new RegExp(`^${field}: `));
  });

  it('answers 400 naming status when it is not one of the documented values', async () => {
    const res = await makeSim().upsert({ ...LEAD, status: 'DONE' });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/^status: /);
  });

  it('answers 400 naming picture when it is not an http URL', async () => {
    const sim = makeSim();
    expect(
      (await (await sim.upsert({ ...LEAD, picture: 'javascript:alert(1)' })).json()).message,
    ).toMatch(/^picture: /);
    expect((await sim.upsert({ ...LEAD, picture: 'https://cdn.example.com/a.png' })).status).toBe(
      200,
    );
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await makeSim().upsert('{oops');
    expect(res.status).toBe(400);
    expect((await res.json()).message).toBe('body must be a JSON object');
  });

  it('creates a chat with a 24-hex _id, timestamps, offline and one visit', async () => {
    const sim = makeSim();
    await sim.upsert({ ...LEAD, email: 'ana@example.com' });
    const chat = await onlyChat(sim);
    expect(chat._id).toMatch(/^[0-9a-f]{24}$/);
    expect(chat).toMatchObject({
      uuid: LEAD.uuid,
      createdAt: '2024-03-01T10:00:00.000Z',
      updatedAt: '2024-03-01T10:00:00.000Z',
      isOnline: false,
      websiteVisits: 1,
      status: 'OPEN',
      _agentAssigned: null,
    });
  });

  it('merges a second upsert of the same uuid: fields replace, notes append, tags union, attributes by key', async () => {
    const sim = makeSim();
    await sim.upsert({
      ...LEAD,
      name: 'Ana',
      email: 'ana@example.com',
      notes: [{ title: 'Message', description: 'first' }],
      tags: ['web', 'pricing'],
      attributes: [
        { key: 'plan', value: 'basic' },
        { key: 'page', value: '/a' },
      ],
    });
    sim.clock.advance(60_000);
    await sim.upsert({
      ...LEAD,
      name: 'Ana Lima',
      status: 'INPROGRESS',
      agentId: '631aa793bcfa100487d13d0d',
      notes: [{ title: 'Message', description: 'second' }],
      tags: ['pricing', 'callback'],
      attributes: [{ key: 'plan', value: 'pro' }],
    });
    const chat = await onlyChat(sim);
    expect(chat.profile.userDetails).toMatchObject({
      name: 'Ana Lima',
      contact: { email: 'ana@example.com' },
      tags: ['web', 'pricing', 'callback'],
      attributes: [
        { key: 'plan', value: 'pro' },
        { key: 'page', value: '/a' },
      ],
    });
    expect(chat.profile.notes.map((n: { description: string }) => n.description)).toEqual([
      'first',
      'second',
    ]);
    expect(chat.status).toBe('INPROGRESS');
    expect(chat._agentAssigned).toBe('631aa793bcfa100487d13d0d');
    expect(chat.createdAt).toBe('2024-03-01T10:00:00.000Z');
    expect(chat.updatedAt).toBe('2024-03-01T10:01:00.000Z');
  });

  it('keeps the same uuid under two bots as two chats', async () => {
    const sim = makeSim();
    await sim.upsert({ ...LEAD, name: 'A' });
    await sim.upsert({ ...LEAD, botId: 'bot2', name: 'B' });
    expect((await onlyChat(sim)).profile.userDetails.name).toBe('A');
  });
});
