import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formController } from '../../../src/widget/form/form-controller.ts';
import { OWN_UUID_KEY } from '../../../src/widget/form/session-uuid.ts';
import type { FormChunk, MountOptions } from '../../../src/widget/form-seam.ts';
import { OUTBOX_KEY } from '../../../src/widget/loader/offline-queue.ts';
import { type StartEnv, startWidget } from '../../../src/widget/loader/start.ts';
import { VERSION } from '../../../src/widget/loader/version.ts';
import type { FormController, WidgetView } from '../../../src/widget/types.ts';
import { chunkCore, fakeChunk } from '../../_util/widget/fake-chunk.ts';
import { fakeFetch, formValues, json } from '../../_util/widget/widget-fakes.ts';

const CHAT = '7e88d192-9b20-4035-9b68-d4ac3d58a34f';
type Host = { EleapiLeads?: unknown };
const host = window as Host;

let view: { [K in keyof WidgetView]: ReturnType<typeof vi.fn<() => void>> };
let mounted: { options: MountOptions; controller: FormController } | undefined;
let report: ReturnType<typeof vi.fn<(message: string) => void>>;
// The form chunk as the loader sees it: a real controller over the loader's core, a fake view.
// A relay with the proof of work off (proof-of-work.test.ts drives the real prover).
const chunk = fakeChunk((options) => {
  const core = chunkCore(options);
  mounted = { options, controller: { ...core, ...formController(core) } };
  return view;
});
const loadChunk = async () => chunk;

/** Asks for the form (as a click on the launcher would) and waits for the chunk to mount. */
async function openForm() {
  api().open?.();
  return vi.waitFor(() => {
    if (!mounted) throw new Error('the form chunk is not mounted yet');
    return mounted;
  });
}

function scriptTag(
  attrs: Record<string, string> = { 'data-relay-url': 'https://relay.example.com' },
) {
  const script = document.createElement('script');
  for (const [name, value] of Object.entries(attrs)) script.setAttribute(name, value);
  document.body.append(script);
  return script;
}

function start(script: HTMLScriptElement | null, extra: Partial<StartEnv> = {}) {
  const relay = fakeFetch(json(202, { ok: true }));
  startWidget(script, { window, loadChunk, fetch: relay.fetch, random: () => 0, report, ...extra });
  return relay;
}

const api = () => host.EleapiLeads as Record<string, (...args: unknown[]) => unknown>;

beforeEach(() => {
  mounted = undefined;
  view = { open: vi.fn(), prepare: vi.fn(), close: vi.fn(), destroy: vi.fn() };
  report = vi.fn();
  localStorage.clear();
  sessionStorage.clear();
  document.body.innerHTML =
    '<script id="eleapi-messenger-widget" type="text/plain">bot1,cust1</script>';
});
afterEach(() => {
  (host.EleapiLeads as { destroy?: () => void } | undefined)?.destroy?.();
  delete host.EleapiLeads;
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('startWidget', () => {
  it('mounts the form chunk with the settings of its script tag and installs the API', async () => {
    const script = scriptTag({
      'data-relay-url': 'https://relay.example.com',
      'data-mode': 'inline',
    });
    start(script);
    // Inline, the chunk is fetched right after first paint, unasked.
    const { options, controller } = await vi.waitFor(() => mounted ?? Promise.reject());
    expect(script.nextElementSibling?.shadowRoot).toBe(options.root);
    expect(controller.settings).toMatchObject({ mode: 'inline', botId: 'bot1' });
    expect(Object.keys(api()).sort()).toEqual(
      ['close', 'destroy', 'off', 'on', 'open', 'prefill', 'push', 'version'].sort(),
    );
    expect(api().version).toBe(VERSION);
    expect(report).not.toHaveBeenCalled();
  });

  it('fetches the chunk on the first hover of the launcher, and has it draw ahead on the next', async () => {
    start(scriptTag());
    const launcher = document
      .querySelector('eleapi-lead-form')
      ?.shadowRoot?.querySelector('.launcher');
    launcher?.dispatchEvent(new Event('pointerenter'));
    await vi.waitFor(() => mounted ?? Promise.reject());
    expect(view.prepare).not.toHaveBeenCalled();
    launcher?.dispatchEvent(new Event('pointerenter'));
    expect(view.prepare).toHaveBeenCalledOnce();
    expect(view.open).not.toHaveBeenCalled();
  });

  it('shows nothing and defines no global without data-relay-url, with one console error', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    startWidget(scriptTag({}), { window, loadChunk });
    expect(mounted).toBeUndefined();
    expect(host.EleapiLeads).toBeUndefined();
    expect(consoleError).toHaveBeenCalledExactlyOnceWith(
      expect.stringContaining('data-relay-url is missing'),
    );
  });

  it('shows nothing when it cannot find its script tag', () => {
    start(null);
    expect(mounted).toBeUndefined();
    expect(report).toHaveBeenCalledOnce();
  });

  it('leaves an EleapiLeads it did not create alone and shows nothing', () => {
    const other = { mine: true };
    host.EleapiLeads = other;
    start(scriptTag());
    expect(host.EleapiLeads).toBe(other);
    expect(mounted).toBeUndefined();
    expect(report).toHaveBeenCalledWith(expect.stringContaining('already exists'));
  });

  it('waits for the document to be parsed before looking for the messenger tag', async () => {
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    document.body.innerHTML = '';
    start(scriptTag());
    expect(mounted).toBeUndefined();
    document.body.insertAdjacentHTML(
      'beforeend',
      '<script id="eleapi-messenger-widget" type="text/plain">late,ids</script>',
    );
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect((await openForm()).controller.settings).toMatchObject({
      botId: 'late',
      customerId: 'ids',
    });
  });

  it('reports a form that could not be mounted, and keeps the API working', async () => {
    const broken: FormChunk = {
      ...chunk,
      mount: () => {
        throw new Error('no target');
      },
    };
    start(scriptTag(), { loadChunk: async () => broken });
    api().open?.();
    await vi.waitFor(() =>
      expect(report).toHaveBeenCalledWith(expect.stringContaining('no target')),
    );
    expect(Object.keys(api())).toContain('open');
  });
});

describe('the pre-load queue', () => {
  it('replays queued calls: listeners hear ready, prefills reach the form, open opens it', async () => {
    const ready = vi.fn();
    host.EleapiLeads = [['on', 'ready', ready], ['prefill', { name: 'Ada', email: 42 }], ['open']];
    start(scriptTag());
    expect(ready).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(view.open).toHaveBeenCalledOnce());
    const prefill = vi.fn();
    mounted?.controller.onPrefill(prefill);
    expect(prefill).toHaveBeenCalledWith({ name: 'Ada' });
    expect(report).toHaveBeenCalledExactlyOnceWith(expect.stringContaining('email must be text'));
    expect(view.open).toHaveBeenCalledOnce();
    expect(ready).toHaveBeenCalledOnce();
  });

  it('keeps working through push after load', async () => {
    start(scriptTag());
    await openForm();
    api().push?.(['close']);
    expect(view.close).toHaveBeenCalledOnce();
  });
});

describe('submitting through the mounted form', () => {
  it("sends the chat's UUID found in sessionStorage at submit time", async () => {
    const relay = start(scriptTag());
    sessionStorage.setItem('messenger_uuid', JSON.stringify({ uuid: CHAT }));
    const { controller } = await openForm();
    const outcome = await controller.submit(formValues({ name: 'Ada', dialCode: '+1' }));
    expect(outcome).toEqual({ kind: 'sent' });
    expect(relay.requests[0]).toMatchObject({
      url: 'https://relay.example.com/v1/leads',
      body: { uuid: CHAT, botId: 'bot1', customerId: 'cust1', name: 'Ada' },
    });
    expect(sessionStorage.getItem(OWN_UUID_KEY)).toBeNull();
  });

  it('sends what a previous page left in the outbox, and announces success', async () => {
    const body = { uuid: CHAT, botId: 'bot1', customerId: 'cust1', name: 'Ada' };
    localStorage.setItem(OUTBOX_KEY, JSON.stringify([{ url: 'https://relay.example.com', body }]));
    const details: unknown[] = [];
    const success = (event: Event) => details.push((event as CustomEvent).detail);
    document.addEventListener('eleapi-leads:success', success);
    const relay = start(scriptTag());
    await vi.waitFor(() => expect(localStorage.getItem(OUTBOX_KEY)).toBeNull());
    document.removeEventListener('eleapi-leads:success', success);
    expect(relay.requests.map((request) => request.body)).toEqual([body]);
    expect(details).toEqual([{ uuid: CHAT, fields: { name: 'Ada' } }]);
  });
  it('announces an error when the relay refuses what a previous page left, and drops it', async () => {
    const body = { uuid: CHAT, botId: 'bot1', customerId: 'cust1', name: 'Ada' };
    localStorage.setItem(OUTBOX_KEY, JSON.stringify([{ url: 'https://relay.example.com', body }]));
    const details: unknown[] = [];
    const onError = (event: Event) => details.push((event as CustomEvent).detail);
    document.addEventListener('eleapi-leads:error', onError);
    start(scriptTag(), { fetch: fakeFetch(json(403, { ok: false })).fetch });
    await vi.waitFor(() => expect(localStorage.getItem(OUTBOX_KEY)).toBeNull());
    document.removeEventListener('eleapi-leads:error', onError);
    expect(details).toEqual([
      {
        uuid: CHAT,
        fields: { name: 'Ada' },
        reason: 'refused',
        status: 403,
        cause: 'the relay answered 403',
      },
    ]);
    // And one console error for the site owner, naming the cause.
    expect(report).toHaveBeenCalledExactlyOnceWith(
      expect.stringContaining('the relay answered 403'),
    );
  });
});

describe('EleapiLeads.destroy', () => {
  it('removes the form, the global, every listener and every timer it added', async () => {
    vi.useFakeTimers();
    const added: [EventTarget, string, unknown][] = [];
    const removed: [EventTarget, string, unknown][] = [];
    for (const target of [window, document]) {
      const add = target.addEventListener.bind(target);
      const remove = target.removeEventListener.bind(target);
      vi.spyOn(target, 'addEventListener').mockImplementation((type, listener, options) => {
        added.push([target, type, listener]);
        add(type, listener, options);
      });
      vi.spyOn(target, 'removeEventListener').mockImplementation((type, listener, options) => {
        removed.push([target, type, listener]);
        remove(type, listener, options);
      });
    }
    const timersBefore = vi.getTimerCount();
    // One submission waits for a resend, another hangs in flight: both hold timers.
    const relay = fakeFetch('network-error', 'hang');
    start(scriptTag(), { fetch: relay.fetch });
    api().open?.();
    await vi.advanceTimersByTimeAsync(0);
    const values = formValues({ name: 'A', dialCode: '+1' });
    expect(await mounted?.controller.submit(values)).toEqual({
      kind: 'kept',
      reason: 'unreachable',
    });
    const hanging = mounted?.controller.submit({ ...values, name: 'B' });
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBeGreaterThan(timersBefore);
    expect(added.length).toBeGreaterThan(0);

    api().destroy?.();
    expect(await hanging).toMatchObject({ kind: 'kept' });
    expect(view.destroy).toHaveBeenCalledOnce();
    expect(host.EleapiLeads).toBeUndefined();
    expect(vi.getTimerCount()).toBe(timersBefore);
    expect(removed).toEqual(expect.arrayContaining(added));
    // The undelivered lead stays stored for the next page.
    expect(JSON.parse(localStorage.getItem(OUTBOX_KEY) ?? '[]')).toHaveLength(1);
  });

  it('inline, cancels the mount that waits for the task after the chunk arrived', async () => {
    vi.useFakeTimers();
    const timersBefore = vi.getTimerCount();
    start(scriptTag({ 'data-relay-url': 'https://relay.example.com', 'data-mode': 'inline' }));
    // After the first paint's frame the fetch starts; once the chunk is here its mount is queued.
    await vi.advanceTimersToNextFrame();
    await vi.advanceTimersByTimeAsync(1);
    expect(mounted).toBeUndefined();
    expect(vi.getTimerCount()).toBeGreaterThan(timersBefore);
    api().destroy?.();
    expect(vi.getTimerCount()).toBe(timersBefore);
    await vi.runAllTimersAsync();
    expect(mounted).toBeUndefined();
  });

  it('stops announcing events to listeners', async () => {
    start(scriptTag());
    const listener = vi.fn();
    api().on?.('open', listener);
    const { controller } = await openForm();
    api().destroy?.();
    controller?.emit('open');
    expect(listener).not.toHaveBeenCalled();
  });
});
