import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formController } from '../../../src/widget/form/form-controller.ts';
import { OWN_UUID_KEY } from '../../../src/widget/form/session-uuid.ts';
import { submitFacts } from '../../../src/widget/form/submit-facts.ts';
import { createController } from '../../../src/widget/loader/controller.ts';
import { createEvents } from '../../../src/widget/loader/events.ts';
import { createOutbox } from '../../../src/widget/loader/offline-queue.ts';
import { createTransport } from '../../../src/widget/loader/transport.ts';
import { safeStorage } from '../../../src/widget/safe-storage.ts';
import type { FormValues } from '../../../src/widget/types.ts';
import {
  fakeFetch,
  formValues,
  globalTimer,
  json,
  memoryStorage,
  widgetSettings,
} from '../../_util/widget/widget-fakes.ts';

const UUID = '7e88d192-9b20-4035-9b68-d4ac3d58a34f';
const SETTINGS = widgetSettings();
const VALUES = formValues({ name: 'Ada', email: 'ada@example.com' });

const disposers: (() => void)[] = [];
let seen: { name: string; detail: unknown }[];
let report: ReturnType<typeof vi.fn<(message: string) => void>>;

function controllerWith(fetch: typeof globalThis.fetch, settings = SETTINGS) {
  const events = createEvents(document, vi.fn());
  for (const name of ['submit', 'success', 'error'] as const) {
    events.on(name, (detail) => seen.push({ name, detail }));
  }
  const transport = createTransport({
    fetch,
    setTimer: globalTimer,
    online: () => true,
  });
  const local = memoryStorage();
  const outbox = createOutbox({
    storage: safeStorage(() => local),
    post: transport.post,
    random: () => 0,
    setTimer: globalTimer,
    events: window,
  });
  disposers.push(() => outbox.dispose());
  const core = createController({
    settings,
    events,
    outbox,
    report,
  });
  // The loader's core with the chunk's submit, as the form uses them together, on a page whose
  // session holds the widget's own UUID.
  const page = {
    sessionStorage: memoryStorage({ [OWN_UUID_KEY]: UUID }),
    localStorage: memoryStorage(),
    location: new URL('https://shop.example/'),
    document: { referrer: '' },
    crypto,
  } as unknown as Window & typeof globalThis;
  const facts = submitFacts(page, settings);
  return { ...core, submit: formController({ ...core, settings }, [], facts).submit };
}

beforeEach(() => {
  seen = [];
  report = vi.fn();
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
      attributes: [
        { key: 'page_url', value: 'https://shop.example/' },
        { key: 'locale', value: 'en' },
      ],
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

  it('refuses for good on a 403: error event with the cause, and one console error for the owner', async () => {
    const relay = fakeFetch(
      json(403, { ok: false, message: 'this relay does not accept leads for bot "bot1:cust1"' }),
    );
    const cause = 'the relay answered 403: this relay does not accept leads for bot "bot1:cust1"';
    expect(await controllerWith(relay.fetch).submit(VALUES)).toEqual({
      kind: 'refused',
      status: 403,
      cause,
    });
    expect(seen.at(-1)).toMatchObject({
      name: 'error',
      detail: { reason: 'refused', status: 403, cause },
    });
    expect(report).toHaveBeenCalledOnce();
    expect(report.mock.calls[0]?.[0]).toContain(cause);
    expect(report.mock.calls[0]?.[0]).toContain('RELAY_ALLOWED_ORIGINS');
  });

  it('refuses for good on a 400 naming a field the form does not show, naming it for the owner', async () => {
    const issues = [{ path: 'tags.0', message: 'tag must be at most 64 characters' }];
    const relay = fakeFetch(json(400, { ok: false, error: 'validation', issues }));
    const outcome = await controllerWith(relay.fetch).submit(VALUES);
    expect(outcome).toMatchObject({ kind: 'refused', status: 400 });
    expect(seen.at(-1)).toMatchObject({
      name: 'error',
      detail: { reason: 'refused', status: 400 },
    });
    expect(report).toHaveBeenCalledOnce();
    expect(report.mock.calls[0]?.[0]).toContain('tags.0 (tag must be at most 64 characters)');
  });

  it('keeps a 429 first send, with no error, resends it after Retry-After and then announces success', async () => {
    vi.useFakeTimers();
    const relay = fakeFetch(
      new Response(null, { status: 429, headers: { 'retry-after': '6' } }),
      json(202, {}),
    );
    const controller = controllerWith(relay.fetch);
    const landed = vi.fn();
    controller.onResent(landed);
    expect(await controller.submit(VALUES)).toEqual({
      kind: 'kept',
      reason: 'rate-limited',
      retryAfterMs: 6_000,
    });
    expect(seen.map((event) => event.name)).toEqual(['submit']);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(relay.requests).toHaveLength(2);
    expect(seen.at(-1)).toMatchObject({ name: 'success', detail: { uuid: UUID } });
    expect(landed).toHaveBeenCalledWith({ kind: 'sent' });
    expect(report).not.toHaveBeenCalled();
  });

  it('keeps a submission the relay did not get, with no error, and resends it', async () => {
    vi.useFakeTimers();
    const relay = fakeFetch('network-error', json(202, {}));
    expect(await controllerWith(relay.fetch).submit(VALUES)).toEqual({
      kind: 'kept',
      reason: 'unreachable',
    });
    expect(seen.map((event) => event.name)).toEqual(['submit']);
    await vi.runOnlyPendingTimersAsync();
    expect(relay.requests).toHaveLength(2);
    expect(seen.at(-1)).toMatchObject({ name: 'success', detail: { uuid: UUID } });
  });

  it('never rejects, even on values it cannot read, and tells the owner why', async () => {
    const relay = fakeFetch(json(202, {}));
    await expect(controllerWith(relay.fetch).submit({} as FormValues)).resolves.toMatchObject({
      kind: 'refused',
    });
    expect(relay.requests).toHaveLength(0);
    expect(report).toHaveBeenCalled();
  });
});

describe('controller prefill', () => {
  it('keeps prefills made before the form subscribed and passes later ones on', () => {
    const controller = createController({
      settings: SETTINGS,
      events: createEvents(document, vi.fn()),
      outbox: createOutbox({
        storage: safeStorage(() => memoryStorage()),
        post: async () => ({ kind: 'sent' }),
        random: () => 0,
        setTimer: globalTimer,
        events: window,
      }),
      report,
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
