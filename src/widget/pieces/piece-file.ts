// The form chunk's optional parts, each a plain script beside it
// (eleapi-leads.form.<hash>.<name>.js), fetched only on a page that uses it (issue 10: the
// default embed does not pay for them). Like the locale files (form/locale-file.ts) a piece
// defines no global: it announces what it holds with one document event, heard by
// form/beside-chunk.ts while its <script> loads. A piece carries no Preact or zod: what needs
// them stays in the chunk.
import type { parseOpenRule, scheduleAutoOpen } from '../open-schedule.ts';
import type { readOwnerFields } from '../owner-fields-block.ts';
import type { solveChallenge } from '../pow/solve-challenge.ts';

/** The piece announces itself with this CustomEvent on document, detail [name, what it holds]. */
export const PIECE_EVENT = 'eleapi-leads:form-piece';

/** Each piece by its name in the file name, and what it hands the chunk. */
export interface Pieces {
  /** The owner's questions' checker (shared/owner-fields.ts), for a page with their block. */
  fields: typeof readOwnerFields;
  /** The proof-of-work solver, once the relay sent a challenge (it has proof of work on). */
  pow: typeof solveChallenge;
  /** data-open's parse and scheduler, for a tag with data-open. */
  open: OpenRules;
}

export interface OpenRules {
  parseOpenRule: typeof parseOpenRule;
  scheduleAutoOpen: typeof scheduleAutoOpen;
}

export type PieceName = keyof Pieces;

/** What a piece's entry runs: hands `value` to the chunk that added the script. */
export function announcePiece<N extends PieceName>(name: N, value: Pieces[N]): void {
  document.dispatchEvent(new CustomEvent(PIECE_EVENT, { detail: [name, value] }));
}
