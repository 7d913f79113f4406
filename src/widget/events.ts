// Widget events, two ways: DOM CustomEvents `eleapi-leads:<name>` on document, and listeners
// added through `EleapiLeads.on(name, fn)`.
import { LOG_PREFIX } from './settings.ts';
import type { WidgetEventName } from './types.ts';

export const EVENT_NAMES: readonly WidgetEventName[] = [
  'ready',
  'open',
  'close',
  'submit',
  'success',
  'error',
];

export type Listener = (detail: Record<string, unknown>) => void;

export interface Events {
  emit(name: WidgetEventName, detail?: Record<string, unknown>): void;
  /** Returns the unsubscribe function. */
  on(name: string, listener: Listener): () => void;
  off(name: string, listener: Listener): void;
  clear(): void;
}

export function createEvents(doc: Document, report: (message: string) => void): Events {
  const listeners = new Map<string, Set<Listener>>();
  const off = (name: string, listener: Listener) => listeners.get(name)?.delete(listener);
  return {
    emit(name, detail = {}) {
      doc.dispatchEvent(new CustomEvent(`eleapi-leads:${name}`, { detail }));
      for (const listener of listeners.get(name) ?? []) {
        try {
          listener(detail);
        } catch (error) {
          // One failing site listener must not stop the others or the widget.
          report(`${LOG_PREFIX}a "${name}" listener threw: ${error}`);
        }
      }
    },
    on(name, listener) {
      if (!EVENT_NAMES.includes(name as WidgetEventName) || typeof listener !== 'function') {
        report(`${LOG_PREFIX}on() takes an event name (${EVENT_NAMES.join(', ')}) and a function`);
        return () => {};
      }
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set.add(listener));
      return () => off(name, listener);
    },
    off,
    clear: () => listeners.clear(),
  };
}
