// Stand-ins for the browser facilities the widget core takes as deps.
import { vi } from 'vitest';
import type { SetTimer } from '../../src/widget/loader/timer.ts';
import type { FormValues, WidgetSettings } from '../../src/widget/types.ts';

/** Settings as parseSettings makes them for an inline form of bot1/cust1 in the UK. */
export function widgetSettings(overrides: Partial<WidgetSettings> = {}): WidgetSettings {
  return {
    relayUrl: 'https://relay.example.com',
    botId: 'bot1',
    customerId: 'cust1',
    uuidKey: undefined,
    mode: 'inline',
    target: undefined,
    fields: ['name', 'email', 'phone'],
    required: ['name', 'email'],
    defaultCountry: 'GB',
    locale: 'en',
    title: undefined,
    submitLabel: undefined,
    successMessage: undefined,
    consent: undefined,
    privacyUrl: undefined,
    tags: [],
    attributes: [],
    context: true,
    accentColor: undefined,
    position: 'bottom-right',
    offset: [0, 72],
    zIndex: 2147483000,
    ...overrides,
  };
}

/** An empty form with the UK dial code, as a visitor first sees it. */
export function formValues(overrides: Partial<FormValues> = {}): FormValues {
  return {
    name: '',
    email: '',
    phone: '',
    dialCode: '+44',
    message: '',
    consent: false,
    website: '',
    ...overrides,
  };
}

/** A working Web Storage kept in a Map; `full` makes setItem throw as a full quota does. */
export function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  const storage = {
    full: false,
    get length() {
      return data.size;
    },
    key: (index: number) => [...data.keys()][index] ?? null,
    getItem: (key: string) => data.get(key) ?? null,
    setItem(key: string, value: string) {
      if (storage.full) throw new DOMException('quota exceeded', 'QuotaExceededError');
      data.set(key, String(value));
    },
    removeItem: (key: string) => void data.delete(key),
    clear: () => data.clear(),
  };
  return storage as typeof storage & Storage;
}

/** Storage whose every method throws, as in a sandboxed iframe. */
export function throwingStorage(): Storage {
  const fail = () => {
    throw new DOMException('denied', 'SecurityError');
  };
  return {
    get length(): number {
      return fail();
    },
    key: fail,
    getItem: fail,
    setItem: fail,
    removeItem: fail,
    clear: fail,
  };
}

export interface SeenRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

type Reply = Response | 'network-error' | 'hang';

/**
 * A fetch that records each request and answers from `replies` in order (the last one repeats).
 * 'hang' never answers until the request is aborted.
 */
export function fakeFetch(...replies: Reply[]) {
  const requests: SeenRequest[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: JSON.parse(String(init?.body ?? '{}')),
    });
    const reply = replies[Math.min(requests.length - 1, replies.length - 1)] ?? json(202, {});
    if (reply === 'network-error') throw new TypeError('Failed to fetch');
    if (reply === 'hang') {
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        );
      });
    }
    return reply.clone();
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests };
}

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** The global timers as a SetTimer, read at call time so vi.useFakeTimers() takes them over. */
export const globalTimer: SetTimer = (fn, ms) => {
  const handle = setTimeout(fn, ms);
  return () => clearTimeout(handle);
};
