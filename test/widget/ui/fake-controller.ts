// A FormController double: records what the UI submits and emits, and lets a test decide when
// and how the relay answers.
import type {
  FormController,
  FormValues,
  Prefill,
  SubmitOutcome,
  WidgetEventName,
  WidgetSettings,
} from '../../../src/widget/types.ts';
import { widgetSettings } from '../../_util/widget-fakes.ts';

export interface FakeController extends FormController {
  submitted: FormValues[];
  events: WidgetEventName[];
  /** The next submit's answer; a submit waits until the test calls `answer()`. */
  answer(outcome: SubmitOutcome): void;
  prefill(prefill: Prefill): void;
  prefillListeners: number;
}

export function fakeController(settings: Partial<WidgetSettings> = {}): FakeController {
  const listeners = new Set<(prefill: Prefill) => void>();
  const queued: Prefill[] = [];
  let respond: ((outcome: SubmitOutcome) => void) | undefined;
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
