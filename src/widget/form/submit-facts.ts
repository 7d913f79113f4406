// What a submission carries from the page, read when the visitor sends: the chat session UUID (the
// messenger may make its UUID after the widget loaded) and, with data-context on, the page's
// context (the URL may have changed in an SPA). Only the chunk's form submits, and the outbox
// stores finished bodies, so the loader carries neither (ARCHITECTURE.md "Loader bytes, session
// 4").
import { keyedStorage } from '../safe-storage.ts';
import type { Attribute, WidgetSettings } from '../types.ts';
import { pageContext } from './page-context.ts';
import { randomUuid, sessionUuidSource } from './session-uuid.ts';

export interface SubmitFacts {
  /** The chat session UUID, looked up at submit time (session-uuid.ts). */
  uuid(): string;
  /** Page context attributes, empty when data-context="off". */
  context(): Attribute[];
}

export function submitFacts(
  win: Window & typeof globalThis,
  settings: Pick<WidgetSettings, 'uuidKey' | 'context' | 'locale'>,
): SubmitFacts {
  return {
    uuid: sessionUuidSource(
      {
        session: keyedStorage(() => win.sessionStorage),
        local: keyedStorage(() => win.localStorage),
      },
      settings.uuidKey,
      () => randomUuid(win.crypto),
    ),
    context: () =>
      settings.context ? pageContext(win.location, win.document.referrer, settings.locale) : [],
  };
}
