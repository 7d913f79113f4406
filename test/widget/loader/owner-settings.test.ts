// The issue-12 settings as the loader wires them (loader/owner-settings.ts in start.ts): the
// data layer push and the success URL after an accepted lead, the remembered flag handed to the
// form chunk, data-open's automatic open, and data-prefill-from-url through the prefill.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formController } from '../../../src/widget/form/form-controller.ts';
import type { MountOptions } from '../../../src/widget/form-seam.ts';
import { OUTBOX_KEY } from '../../../src/widget/loader/offline-queue.ts';
import { type StartEnv, startWidget } from '../../../src/widget/loader/start.ts';
import { AUTO_OPEN_KEY } from '../../../src/widget/open-rules.ts';
import { REMEMBER_KEY } from '../../../src/widget/remember.ts';
import type { FormController, Prefill, WidgetView } from '../../../src/widget/types.ts';
import { chunkCore, fakeChunk } from '../../_util/widget/fake-chunk.ts';
import { fakeFetch, formValues, json } from '../../_util/widget/widget-fakes.ts';

const CHAT = '7e88d192-9b20-4035-9b68-d4ac3d58a34f';
const NOW = Date.UTC(2026, 11, 1);
type Host = {
  EleapiLeads?: { destroy?(): void; open?(): void; close?(): void };
  dataLayer?: unknown;
};
const host = window as unknown as Host;
/** The global, read fresh: a test destroys one widget and starts another. */
const api = () => host.EleapiLeads;

let view: {
  open: ReturnType<typeof vi.fn<WidgetView['open']>>;
  prepare: ReturnType<typeof vi.fn<() => void>>;
  close: ReturnType<typeof vi.fn<() => void>>;
  destroy: ReturnType<typeof vi.fn<() => void>>;
};
let mounted: { options: MountOptions; controller: FormController } | undefined;
let report: ReturnType<typeof vi.fn<(message: string) => void>>;
const chunk = fakeChunk((options) => {
  mounted = { options, controller: formController(chunkCore(options)) };
  return view;
});

function start(data: Record<string, string> = {}, extra: Partial<StartEnv> = {}) {
  const script = document.createElement('script');
  script.setAttribute('data-relay-url', 'https://relay.example.com');
  for (const [name, value] of Object.entries(data)) script.setAttribute(`data-${name}`, value);
  document.body.append(script);
  const relay = fakeFetch(json(202, { ok: true }));
  startWidget(script, {
    window,
    loadChunk: async () => chunk,
    fetch: relay.fetch,
    random: () => 0,
    report,
    now: () => NOW,
    ...extra,
  });
  return relay;
}

const mountedForm = () =>
  vi.waitFor(() => mounted ?? Promise.reject(new Error('the form chunk is not mounted yet')));

async function send() {
  api()?.open?.();
  const { controller } = await mountedForm();
  return controller.submit(formValues({ name: 'Ada', email: 'ada@example.com', dialCode: '+1' }));
}

beforeEach(() => {
  mounted = undefined;
  view = {
    open: vi.fn(),
    prepare: vi.fn<() => void>(),
    close: vi.fn<() => void>(),
    destroy: vi.fn<() => void>(),
  };
  report = vi.fn();
  localStorage.clear();
  sessionStorage.clear();
  delete host.dataLayer;
  document.body.innerHTML =
    '<script id="eleapi-messenger-widget" type="text/plain">bot1,cust1</script>';
});
afterEach(() => {
  api()?.destroy?.();
  delete host.EleapiLeads;
  vi.useRealTimers();
  vi.restoreAllMocks();
  history.replaceState(null, '', '/');
});

describe('data-datalayer="on"', () => {
  it('pushes generate_lead once, after the success event, with no personal data', async () => {
    const seenAtSuccess: unknown[] = [];
    const onSuccess = () => seenAtSuccess.push(JSON.stringify(host.dataLayer ?? null));
    document.addEventListener('eleapi-leads:success', onSuccess);
    start({ datalayer: 'on', 'form-id': 'catering' });
    expect(await send()).toEqual({ kind: 'sent' });
    document.removeEventListener('eleapi-leads:success', onSuccess);
    expect(seenAtSuccess).toEqual(['null']);
    expect(host.dataLayer).toEqual([
      { event: 'generate_lead', lead_source: 'eleapi-leads', form_id: 'catering' },
    ]);
    expect(Object.keys((host.dataLayer as object[])[0] ?? {})).toEqual([
      'event',
      'lead_source',
      'form_id',
    ]);
  });

  it('pushes nothing for a lead the relay refused or that was kept to resend', async () => {
    start({ datalayer: 'on' }, { fetch: fakeFetch(json(403, { ok: false })).fetch });
    expect(await send()).toMatchObject({ kind: 'refused' });
    expect(host.dataLayer).toBeUndefined();
  });

  it("counts an earlier page's lead when it lands from the outbox", async () => {
    const body = { uuid: CHAT, botId: 'bot1', customerId: 'cust1', name: 'Ada' };
    localStorage.setItem(OUTBOX_KEY, JSON.stringify([{ url: 'https://relay.example.com', body }]));
    start({ datalayer: 'on' });
    await vi.waitFor(() => expect(host.dataLayer).toHaveLength(1));
    expect(host.dataLayer).toEqual([
      { event: 'generate_lead', lead_source: 'eleapi-leads', form_id: 'eleapi-leads' },
    ]);
  });

  it('pushes nothing when the setting is off (the default)', async () => {
    start();
    expect(await send()).toEqual({ kind: 'sent' });
    expect(host.dataLayer).toBeUndefined();
  });
});

describe('data-success-url', () => {
  it('goes there after the success event and the push, for a send made on this page', async () => {
    const order: string[] = [];
    const assign = vi.spyOn(window.location, 'assign').mockImplementation((url) => {
      order.push(`assign ${url} after ${(host.dataLayer as unknown[]).length} push`);
    });
    document.addEventListener('eleapi-leads:success', () => order.push('success'), { once: true });
    start({ 'success-url': '/thanks', datalayer: 'on' });
    await send();
    expect(assign).toHaveBeenCalledOnce();
    expect(order).toEqual([
      'success',
      `assign ${new URL('/thanks', location.href).href} after 1 push`,
    ]);
  });

  it("stays on the page when an earlier page's lead lands from the outbox", async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {});
    const body = { uuid: CHAT, botId: 'bot1', customerId: 'cust1', name: 'Ada' };
    localStorage.setItem(OUTBOX_KEY, JSON.stringify([{ url: 'https://relay.example.com', body }]));
    start({ 'success-url': '/thanks' });
    await vi.waitFor(() => expect(localStorage.getItem(OUTBOX_KEY)).toBeNull());
    expect(assign).not.toHaveBeenCalled();
  });
});

describe('data-remember-days', () => {
  it('remembers a send (the time only) and tells the next page’s form', async () => {
    start();
    await send();
    expect(localStorage.getItem(REMEMBER_KEY)).toBe(String(NOW));
    expect(mounted?.options.remembered).toBe(false);
    api()?.destroy?.();
    delete host.EleapiLeads;
    mounted = undefined;
    start();
    api()?.open?.();
    const { options } = await mountedForm();
    expect(options.remembered).toBe(true);
    options.forget();
    expect(localStorage.getItem(REMEMBER_KEY)).toBeNull();
  });

  it('remembers nothing with data-remember-days="0"', async () => {
    start({ 'remember-days': '0' });
    await send();
    expect(localStorage.getItem(REMEMBER_KEY)).toBeNull();
  });
});

describe('data-open', () => {
  it('opens after the delay, without taking focus from the page', async () => {
    vi.useFakeTimers();
    const button = document.createElement('button');
    document.body.append(button);
    start({ open: 'delay:5' });
    await vi.advanceTimersByTimeAsync(4_000);
    expect(view.open).not.toHaveBeenCalled();
    button.focus();
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(view.open).toHaveBeenCalledExactlyOnceWith({ moveFocus: false }));
    expect(sessionStorage.getItem(AUTO_OPEN_KEY)).toBe('opened');
  });

  it("counts the delay from the loader's start, not from the form chunk's arrival", async () => {
    vi.useFakeTimers();
    const slowChunk = () =>
      new Promise<typeof chunk>((resolve) => setTimeout(resolve, 1_500, chunk));
    start({ open: 'delay:2' }, { loadChunk: slowChunk, now: () => Date.now() });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(mounted).toBeDefined();
    expect(view.open).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(view.open).toHaveBeenCalledExactlyOnceWith({ moveFocus: true });
  });

  it('moves focus into the panel when the page had nothing focused', async () => {
    vi.useFakeTimers();
    start({ open: 'delay:1' });
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(view.open).toHaveBeenCalledExactlyOnceWith({ moveFocus: true }));
  });

  it('never opens again this session after the visitor closed the panel', async () => {
    vi.useFakeTimers();
    start({ open: 'delay:10' });
    api()?.open?.();
    await vi.advanceTimersByTimeAsync(0);
    const { controller } = await mountedForm();
    controller.emit('open');
    controller.emit('close');
    view.open.mockClear();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(view.open).not.toHaveBeenCalled();
    expect(sessionStorage.getItem(AUTO_OPEN_KEY)).toBe('closed');
  });

  it('is not armed for a remembered visitor, and destroy() removes its timer', async () => {
    vi.useFakeTimers();
    localStorage.setItem(REMEMBER_KEY, String(NOW - 1000));
    const before = vi.getTimerCount();
    start({ open: 'delay:10' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(view.open).not.toHaveBeenCalled();
    api()?.destroy?.();
    localStorage.clear();
    delete host.EleapiLeads;
    start({ open: 'delay:10' });
    api()?.destroy?.();
    expect(vi.getTimerCount()).toBe(before);
  });

  it('reports a bad value once (the chunk reads it) and stays manual', async () => {
    vi.useFakeTimers();
    start({ open: 'sometimes' });
    expect(report).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(5_000);
    await mountedForm();
    expect(view.open).not.toHaveBeenCalled();
    expect(report).toHaveBeenCalledExactlyOnceWith(
      expect.stringContaining('data-open="sometimes" is invalid'),
    );
  });
});

describe('data-prefill-from-url', () => {
  it('fills the named fields from the query through the prefill, bad values left out', async () => {
    history.replaceState(null, '', '/?email=ada%40example.com&name=Ada&phone=%3Cscript%3E');
    start({ 'prefill-from-url': 'email,phone' });
    api()?.open?.();
    const { controller } = await mountedForm();
    const prefills: Prefill[] = [];
    controller.onPrefill((prefill) => prefills.push(prefill));
    expect(prefills).toEqual([{ email: 'ada@example.com' }]);
    expect(report).not.toHaveBeenCalled();
  });
});
