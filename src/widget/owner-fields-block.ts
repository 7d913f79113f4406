// Finds the owner's questions block beside the tag and parses it (shared/owner-fields.ts).
import { type OwnerField, parseOwnerFields } from '../shared/owner-fields.ts';

export const OWNER_FIELDS_SELECTOR = 'script[type="application/json"][data-eleapi-leads-fields]';

/**
 * The questions of the page's `data-eleapi-leads-fields` block, or none without one. Read when
 * the form is built (the block may come after the tag); one block a page, like the widget.
 */
export function readOwnerFields(
  doc: Pick<Document, 'querySelectorAll'>,
  report: (message: string) => void,
): OwnerField[] {
  const blocks = doc.querySelectorAll(OWNER_FIELDS_SELECTOR);
  if (blocks.length > 1) {
    report(`${blocks.length} data-eleapi-leads-fields blocks: only the first is read.`);
  }
  const block = blocks[0];
  return block ? parseOwnerFields(block.textContent ?? '', report) : [];
}
