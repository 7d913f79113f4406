// The UI's state and what changes it: one plain object, redrawn whole after each change. Render
// is synchronous, so focus moves right after the redraw that shows its target.
import { checkOwnerAnswers } from '../../shared/owner-answers.ts';
import type { OwnerField } from '../../shared/owner-fields.ts';
import type { FormController, Outcome } from '../types.ts';
import { lockForm, prefillForm, readForm, splitPhone } from './form-dom.ts';
import { questionId, readAnswers } from './owner-question.tsx';
import { type ErrorKey, type FieldErrors, issuesToErrors, validateForm } from './validate-form.ts';

export interface ViewState {
  /** Floating mode: whether the panel is open. */
  open: boolean;
  /** A submission is in flight: fields read-only, the button aria-disabled (focus stays). */
  busy: boolean;
  /** The last submission's outcome; sent or kept replaces the form with the status. */
  outcome: Outcome | undefined;
  errors: FieldErrors;
  /** ISO code of the country the phone's dial code comes from (several share +1). */
  country: string;
  /** The country list is built: the control was focused or pressed once (issue 10). */
  listed: boolean;
  /** A send is remembered: "we have your details" and "Send again" instead of the form. */
  remembered: boolean;
}

export interface ViewActions {
  /** `moveFocus: false`: an automatic open leaves the page's focus where it is. */
  setOpen(open: boolean, moveFocus?: boolean): void;
  /** Forgets the remembered send and shows the form. */
  sendAgain(): void;
  submit(event: Event): Promise<void>;
  /** What the visitor just changed is no longer known to be wrong. */
  edited(event: Event): void;
  pickCountry(event: Event): void;
  /** Reads a "+CC" typed into the phone field. */
  splitPhone(): void;
  /** Builds the ~245 country options, on first use of the control rather than at load. */
  listCountries(): void;
}

/** Whether the form gave way to the status: the lead is sent, or kept and resent on its own. */
export const isDone = ({ outcome }: Pick<ViewState, 'outcome'>) =>
  outcome?.kind === 'sent' || outcome?.kind === 'kept';

// First thing to land on when the panel opens: the first field, or the thank-you message.
const FIRST = '.done,input:not([tabindex]),select,textarea';

/** The owner's questions and the remembered send (remember.ts), as the loader handed them. */
export interface ViewOptions {
  questions: readonly OwnerField[];
  remembered: boolean;
  forget(): void;
}

/** The state, the actions, and `dispose` to stop them once the UI is removed. */
export function createViewState(
  // The country resolved by mount.tsx: the tag's, else the visitor's likely one.
  controller: FormController & { settings: { defaultCountry: string } },
  root: ShadowRoot,
  draw: (state: ViewState, actions: ViewActions) => void,
  { questions, remembered, forget }: ViewOptions = {
    questions: [],
    remembered: false,
    forget() {},
  },
) {
  const { settings } = controller;
  const state: ViewState = {
    open: false,
    busy: false,
    outcome: undefined,
    errors: {},
    country: settings.defaultCountry,
    listed: false,
    remembered,
  };
  let live = true;
  const update = (change: Partial<ViewState>, focus?: string) => {
    if (!live) return;
    Object.assign(state, change);
    draw(state, actions);
    if (focus) root.querySelector<HTMLElement>(focus)?.focus();
  };
  const form = () => root.querySelector('form');
  const pick = (country?: string) => country && update({ country });

  const actions: ViewActions = {
    setOpen(open, moveFocus = true) {
      if (!live || settings.mode === 'inline' || open === state.open) return;
      // Focus goes back to the launcher only when it was in the widget, never pulled from the page.
      const back = root.activeElement ? '.launcher' : undefined;
      update({ open }, open ? (moveFocus ? FIRST : undefined) : back);
      controller.emit(open ? 'open' : 'close');
    },
    sendAgain() {
      forget();
      update({ remembered: false }, FIRST);
    },
    async submit(event) {
      event.preventDefault();
      // Checked on state, which this handler changes before any second click can land.
      if (state.busy) return;
      const element = event.currentTarget as HTMLFormElement;
      const country = splitPhone(element, state.country) ?? state.country;
      const { country: _, ...read } = readForm(element, country);
      const values = { ...read, answers: readAnswers(element, questions) };
      const errors = validateForm({ ...values, country }, settings);
      for (const [key, error] of Object.entries(checkOwnerAnswers(questions, values.answers))) {
        errors[questionId({ key })] = error;
      }
      if (Object.keys(errors).length) {
        update({ country, errors, outcome: undefined }, '[aria-invalid]');
        return;
      }
      update({ country, errors, busy: true });
      lockForm(element, true);
      const outcome = await controller.submit(values);
      lockForm(element, false);
      const placed = outcome.kind === 'invalid' ? issuesToErrors(outcome.issues, settings) : {};
      const done = isDone({ outcome });
      update({ busy: false, outcome, errors: placed }, done ? '.done' : '[aria-invalid]');
    },
    edited({ target }) {
      const { name } = target as HTMLInputElement;
      const key = (name === 'country' ? 'dialCode' : name) as ErrorKey;
      const { [key]: gone, ...rest } = state.errors;
      if (gone) update({ errors: rest });
    },
    listCountries: () => state.listed || update({ listed: true }),
    pickCountry: ({ currentTarget }) => pick((currentTarget as HTMLSelectElement).value),
    splitPhone() {
      const element = form();
      if (element) pick(splitPhone(element, state.country));
    },
  };

  draw(state, actions);
  // A kept submission landed (or was refused for good) while the page is open.
  const stopResent = controller.onResent((outcome) => {
    if (state.outcome?.kind === 'kept') update({ outcome });
  });
  const stopPrefill = controller.onPrefill((prefill) => {
    const element = form();
    if (element) pick(prefillForm(element, prefill, state.country));
  });
  return {
    actions,
    dispose() {
      live = false;
      stopResent();
      stopPrefill();
    },
  };
}
