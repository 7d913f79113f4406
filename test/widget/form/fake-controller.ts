// A FormController double: records what the UI submits and emits, and lets a test decide when
// and how the relay answers.
import type {
  FormController,
  FormValues,
  Outcome,
  Prefill,
  WidgetEventName,
  WidgetSettings,
} from '../../../src/widget/types.ts';
import { widgetSettings } from '../../_util/widget-fakes.ts';

export interface FakeController extends FormController {
  submitted: FormValues[];
  events: WidgetEventName[];
  /** The next submit's answer; a submit waits until the test calls `answer()`. */
  answer(outcome: Outcome): void;
  prefill(prefill: Prefill): void;
  prefillListeners: number;
  /** What the outbox would say when a kept submission of this page lands. */
  resent(outcome: Outcome): void;
}

export function fakeController(settings: Partial<WidgetSettings> = {}): FakeController {
  const listeners = new Set<(prefill: Prefill) => void>();
  const resentListeners = new Set<(outcome: Outcome) => void>();
  const queued: Prefill[] = [];
  let respond: ((outcome: Outcome) => void) | undefined;
  const fake: FakeController = {
    settings: widgetSettings(settings),
    submitted: [],
    events: [],
    submit(values) {
      fake.submitted.push(values);
      return new Promise((resolve) => {
        respond = resolve;
      });
    },
    answer(outcome) {
      respond?.(outcome);
    },
    onResent(listener) {
      resentListeners.add(listener);
      return () => resentListeners.delete(listener);
    },
    resent(outcome) {
      for (const listener of resentListeners) listener(outcome);
    },
    onPrefill(listener) {
      listeners.add(listener);
      for (const prefill of queued) listener(prefill);
      return () => listeners.delete(listener);
    },
    prefill(prefill) {
      if (listeners.size === 0) queued.push(prefill);
      for (const listener of listeners) listener(prefill);
    },
    emit(name) {
      fake.events.push(name);
    },
    get prefillListeners() {
      return listeners.size;
    },
  };
  return fake;
}
