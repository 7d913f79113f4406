import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createController } from '../../src/widget/controller.ts';
import { createEvents } from '../../src/widget/events.ts';
import { createOutbox } from '../../src/widget/offline-queue.ts';
import { safeStorage } from '../../src/widget/safe-storage.ts';
import { createTransport } from '../../src/widget/transport.ts';
import type { FormValues } from '../../src/widget/types.ts';
import {
  fakeFetch,
  formValues,
  json,
  memoryStorage,
  widgetSettings,
} from '../_util/widget-fakes.ts';

const UUID = '7e88d192-9b20-4035-9b68-d4ac3d58a34f';
const SETTINGS = widgetSettings();
const VALUES = formValues({ name: 'Ada', email: 'ada@example.com' });

const disposers: (() => void)[] = [];
let seen: { name: string; detail: unknown }[];

function controllerWith(fetch: typeof globalThis.fetch, settings = SETTINGS) {
  const events = createEvents(document, vi.fn());
  for (const name of ['submit', 'success', 'error'] as const) {
    events.on(name, (detail) => seen.push({ name, detail }));
  }
  const transport = createTransport({ fetch, setTimeout, clearTimeout });
  const local = memoryStorage();
  const outbox = createOutbox({
    storage: safeStorage(() => local),
    post: transport.post,
    random: () => 0,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle),
    events: window,
    onSettled: (body, result) =>
      result.kind === 'sent' && events.emit('success', { uuid: body.uuid, resent: true }),
  });
  disposers.push(() => outbox.dispose());
  return createController({
    settings,
    events,
    outbox,
    uuid: () => UUID,
    context: () => [{ key: 'page_url', value: 'https://shop.example/' }],
  });
}

beforeEach(() => {
  seen = [];
});
afterEach(() => {
  for (const dispose of disposers.splice(0)) dispose();
  vi.useRealTimers();
});

describe('controller.submit', () => {
  it('posts the lead with the session UUID and page context, and announces submit then success', async () => {
    const relay = fakeFetch(json(202, { ok: true }));
    expect(await controllerWith(relay.fetch).submit(VALUES)).toEqual({ kind: 'sent' });
    expect(relay.requests[0]?.body).toEqual({
      uuid: UUID,
      botId: 'bot1',
      customerId: 'cust1',
      name: 'Ada',
      email: 'ada@example.com',
      attributes: [{ key: 'page_url', value: 'https://shop.example/' }],
      website: '',
    });
    const detail = { uuid: UUID, fields: { name: 'Ada', email: 'ada@example.com' } };
    expect(seen).toEqual([
      { name: 'submit', detail },
      { name: 'success', detail },
    ]);
  });

  it('sends no page context when data-context is off', async () => {
    const relay = fakeFetch(json(202, {}));
    await controllerWith(relay.fetch, widgetSettings({ context: false })).submit(VALUES);
    expect(relay.requests[0]?.body.attributes).toBeUndefined();
  });

  it('gives a second submit made while one is in flight the same answer, with one request', async () => {
    const relay = fakeFetch(json(202, {}));
    const controller = controllerWith(relay.fetch);
    const first = controller.submit(VALUES);
    const second = controller.submit({ ...VALUES, name: 'Other' });
    expect(second).toBe(first);
    await first;
    expect(relay.requests).toHaveLength(1);
    await controller.submit(VALUES);
    expect(relay.requests).toHaveLength(2);
  });

  it('hands the relay issues of a 400 to the form and announces an error', async () => {
    const issues = [{ path: 'email', message: 'email must be an address like name@example.com' }];
    const relay = fakeFetch(json(400, { ok: false, error: 'validation', issues }));
    expect(await controllerWith(relay.fetch).submit(VALUES)).toEqual({ kind: 'invalid', issues });
    expect(seen.at(-1)).toMatchObject({ name: 'error', detail: { uuid: UUID, reason: 'invalid' } });
  });

  it('reports another refusal as failed with its status', async () => {
    const relay = fakeFetch(json(403, { ok: false }));
    expect(await controllerWith(relay.fetch).submit(VALUES)).toEqual({
      kind: 'failed',
      status: 403,
    });
    expect(seen.at(-1)).toMatchObject({
      name: 'error',
      detail: { reason: 'refused', status: 403 },
    });
  });

  it('queues a submission the relay did not get, with no error, and resends it', async () => {
    vi.useFakeTimers();
    const relay = fakeFetch('network-error', json(202, {}));
    expect(await controllerWith(relay.fetch).submit(VALUES)).toEqual({ kind: 'queued' });
    expect(seen.map((event) => event.name)).toEqual(['submit']);
    await vi.runOnlyPendingTimersAsync();
    expect(relay.requests).toHaveLength(2);
    expect(seen.at(-1)).toEqual({ name: 'success', detail: { uuid: UUID, resent: true } });
  });

  it('never rejects, even on values it cannot read', async () => {
    const relay = fakeFetch(json(202, {}));
    await expect(controllerWith(relay.fetch).submit({} as FormValues)).resolves.toEqual({
      kind: 'failed',
      status: 0,
    });
    expect(relay.requests).toHaveLength(0);
  });
});

describe('controller prefill', () => {
  it('keeps prefills made before the form subscribed and passes later ones on', () => {
    const controller = createController({
      settings: SETTINGS,
      events: createEvents(document, vi.fn()),
      outbox: {} as never,
      uuid: () => UUID,
      context: () => [],
    });
    controller.prefill({ name: 'Ada' });
    controller.prefill({ email: 'ada@example.com' });
    const listener = vi.fn();
    const stop = controller.onPrefill(listener);
    expect(listener).toHaveBeenCalledWith({ name: 'Ada', email: 'ada@example.com' });
    controller.prefill({ phone: '0791' });
    expect(listener).toHaveBeenLastCalledWith({ phone: '0791' });
    stop();
    controller.prefill({ name: 'Bob' });
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
