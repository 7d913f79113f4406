// The one seam between the loader (src/widget/loader/) and the form chunk (src/widget/form/):
// what the chunk registers and what the loader hands it. Both sides import this file and
// types.ts, never each other (biome.json enforces it for the loader).

import type { SessionFlag } from './open-rules.ts';
import type { Prover } from './pow/prover.ts';
import type { FormCore, LoaderSettings, Prefill, Report, WidgetView } from './types.ts';

export type { Prover };

/**
 * The chunk announces itself with this CustomEvent on document, its detail the FormChunk. The
 * loader listens only while its own <script> for the chunk is loading, so no second global.
 */
export const FORM_CHUNK_EVENT = 'eleapi-leads:form-chunk';

export interface MountOptions {
  core: FormCore<LoaderSettings>;
  /** The script tag's attributes: the chunk reads the form's own settings from them. */
  attrs: Record<string, string>;
  /** The widget's shadow root (the loader adopted its sheets already). */
  root: ShadowRoot;
  /** Where the panel goes, inside the loader's .root (next to the launcher when floating). */
  slot: HTMLElement;
  /** The panel's heading: the launcher's label, from the loader's one copy of it. */
  title: string;
  report: Report;
  /** A send is remembered (remember.ts): "we have your details" shows until "Send again". */
  remembered: boolean;
  /** "Send again": clears the remembered flag. */
  forget(): void;
  /** What data-open needs in the chunk (auto-open.ts). */
  autoOpen: {
    /** sessionStorage, never throwing: the once-per-session flag. */
    session: SessionFlag;
    /** The panel is open or opening (the visitor asked): the rule gives up. */
    isOpen(): boolean;
    /** Ms since the loader started. */
    sinceStart(): number;
  };
}

/** What the form chunk gives the loader. */
export interface FormChunk {
  /** Draws nothing until asked to: floating panels render on first open. */
  mount(options: MountOptions): WidgetView;
  /** Checks an `EleapiLeads.prefill()` argument (the dial table lives in the chunk). */
  parsePrefill(fields: unknown, report: Report): Prefill;
  /** data-prefill-from-url (read from the tag here): the query parameters that pass the schemas. */
  prefillFromUrl(search: string, attrs: Record<string, string>, report: Report): Prefill;
  /**
   * The proof of work for the settings' relay: the chunk fetches the solver, its "pow" piece; the
   * loader never does.
   */
  prover(settings: LoaderSettings): Prover;
}
