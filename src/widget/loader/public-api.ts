// window.EleapiLeads: the one global the widget defines (docs/contract.md §5). A page may create
// it as an array before the script loads and push calls into it; they are replayed at start.
import type { Listener } from './events.ts';
import type { Report } from './settings.ts';

export interface PublicApi {
  /** Floating mode: opens the panel. */
  open(): void;
  close(): void;
  /** @example EleapiLeads.prefill({ name: 'Ada', email: 'ada@example.com' }) */
  prefill(fields: unknown): void;
  /** @example const stop = EleapiLeads.on('success', ({ uuid }) => track(uuid)) */
  on(name: string, listener: Listener): () => void;
  off(name: string, listener: Listener): void;
  /** Removes everything the widget added: elements, listeners, timers and this global. */
  destroy(): void;
  /** Runs a queued call, `['method', ...args]`, so `EleapiLeads.push` works after load too. */
  push(call: unknown): void;
  version: string;
}

type Host = { EleapiLeads?: unknown };

const METHODS = ['open', 'close', 'prefill', 'on', 'off', 'destroy'];

/** Whether the global is free for this copy of the widget: absent, or a pre-load queue. */
export function claimGlobal(host: object, report: Report): boolean {
  const existing = (host as Host).EleapiLeads;
  const free = existing === undefined || Array.isArray(existing);
  if (!free) report('window.EleapiLeads already exists: the widget loads once a page.');
  return free;
}

/** Runs one queued `['method', ...args]` call against the API. */
export function runCall(api: PublicApi, call: unknown, report: Report): void {
  const [method, ...args] = Array.isArray(call) ? call : [];
  if (METHODS.includes(method)) (api[method as 'on'] as (...rest: unknown[]) => void)(...args);
  else report(`unknown call "${String(method)}": use one of ${METHODS.join(', ')}`);
}

/** Sets the global and replays the pre-load queue, in order. */
export function installPublicApi(host: object, api: PublicApi, report: Report): void {
  const queued = (host as Host).EleapiLeads;
  (host as Host).EleapiLeads = api;
  if (Array.isArray(queued)) for (const call of queued) runCall(api, call, report);
}

/** Removes the global if it is still this API (a page may have replaced it). */
export function removePublicApi(host: object, api: PublicApi): void {
  if ((host as Host).EleapiLeads === api) delete (host as Host).EleapiLeads;
}
