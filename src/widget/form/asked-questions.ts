// The owner's questions at mount: none without a data-eleapi-leads-fields block (no fetch), else
// the "fields" piece reads and checks the block (pieces/fields.ts). A piece that cannot load is
// said once and the form goes on without the questions: a lead without the answers beats no
// lead (ARCHITECTURE.md "Pieces beside the chunk").
import type { OwnerField } from '../../shared/owner-fields.ts';
import { OWNER_FIELDS_SELECTOR } from '../owner-fields-block.ts';
import type { Pieces } from '../pieces/piece-file.ts';
import type { Report } from '../types.ts';

export function askedQuestions(
  doc: Document,
  report: Report,
  load: () => Promise<Pieces['fields']>,
): readonly OwnerField[] | Promise<readonly OwnerField[]> {
  if (!doc.querySelector(OWNER_FIELDS_SELECTOR)) return [];
  return load().then(
    (readOwnerFields) => readOwnerFields(doc, report),
    (error: Error) => {
      report(`${error.message}: the form is shown without your own questions.`);
      return [];
    },
  );
}
