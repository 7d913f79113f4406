// Widget events, two ways: DOM CustomEvents `eleapi-leads:<name>` on document, and listeners
// added through `EleapiLeads.on(name, fn)`.

import type { WidgetEventName } from '../types.ts';
import type { Report } from './settings.ts';

export const EVENT_NAMES: readonly string[] = [
  'ready',
  'open',
  'close',
  'submit',
  'success',
  'error',
] satisfies WidgetEventName[];

export type Listener = (detail: Record<string, unknown>) => void;

export interface Events {
  emit(name: WidgetEventName, detail?: Record<string, unknown>): void;
  /** Returns the unsubscribe function. */
  on(name: string, listener: Listener): () => void;
  off(name: string, listener: Listener): void;
  clear(): void;
}

export function createEvents(doc: Document, report: Report): Events {
  let listeners: [name: string, listener: Listener][] = [];
  const off = (name: string, listener: Listener) => {
    listeners = listeners.filter((entry) => entry[0] !== name || entry[1] !== listener);
  };
  return {
    emit(name, detail = {}) {
      doc.dispatchEvent(new CustomEvent(`eleapi-leads:${name}`, { detail }));
      for (const [heard, listener] of listeners) {
        try {
          if (heard === name) listener(detail);
        } catch (error) {
          // One failing site listener must not stop the others or the widget.
          report(`a "${name}" listener threw: ${error}`);
        }
      }
    },
    on(name, listener) {
      if (!EVENT_NAMES.includes(name) || typeof listener !== 'function') {
        report(`on() takes an event name (${EVENT_NAMES.join(', ')}) and a function`);
      } else listeners.push([name, listener]);
      return () => off(name, listener);
    },
    off,
    clear: () => {
      listeners = [];
    },
  };
}
