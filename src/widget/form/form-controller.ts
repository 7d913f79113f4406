// The FormController the views talk to: builds the body from what the visitor typed (zod's
// field cleaning and the dial table live in the chunk) and hands it to the loader's core.

import { toOwnerAttributes } from '../../shared/owner-answers.ts';
import type { OwnerField } from '../../shared/owner-fields.ts';
import type { FormController, FormCore, Outcome } from '../types.ts';
import { buildSubmission } from './submission.ts';
import { type SubmitFacts, submitFacts } from './submit-facts.ts';

export function formController(
  core: FormCore,
  questions: readonly OwnerField[] = [],
  facts: SubmitFacts = submitFacts(window, core.settings),
): FormController {
  let pending: Promise<Outcome> | undefined;
  return {
    settings: core.settings,
    onResent: core.onResent,
    onPrefill: core.onPrefill,
    emit: core.emit,
    submit(values) {
      // A second submit while one is in flight gets the same answer, not a second request.
      // Runs synchronously up to the send, so `submit` fires before this returns.
      pending ??= (async () => {
        const answers = toOwnerAttributes(questions, values.answers ?? {});
        const body = buildSubmission(values, core.settings, facts.uuid(), facts.context(), answers);
        const typed = values.phone.trim();
        const asTyped = typed && (typed.startsWith('+') ? typed : `${typed} (${values.dialCode})`);
        return core.send(body, asTyped);
      })()
        .catch((error): Outcome => {
          core.report(`the lead could not be sent: ${error}`);
          return { kind: 'refused', cause: `the widget failed: ${error}` };
        })
        .finally(() => {
          pending = undefined;
        });
      return pending;
    },
  };
}
