// Types both halves share: the loader (src/widget/loader/: settings, session, outbox, public
// API, launcher) and the form chunk (src/widget/form/: Preact views). Types only, no code.
import type { FormField } from '../shared/lead-fields.ts';
import type { FieldIssue, LeadSubmission } from '../shared/lead-submission.ts';
import type { LocaleCode } from './loader/locale-codes.ts';
import type { Outcome } from './loader/outcome.ts';

export type { FieldIssue, FormField, LeadSubmission, LocaleCode, Outcome };

/** A lead attribute as the relay takes it: page context, the tag's, the owner's questions. */
export type Attribute = { key: string; value: string };

/** Logs one message for the site's developer (start.ts prefixes it with "eleapi-leads: "). */
export type Report = (message: string) => void;

export type Mode = 'floating' | 'inline';
export type Position = 'bottom-right' | 'bottom-left';

/** Every `data-*` setting of the script tag, parsed, with defaults applied. */
export interface WidgetSettings {
  relayUrl: string;
  botId: string;
  customerId: string;
  /** `data-uuid-key`, when the site names the storage key of the chat UUID. */
  uuidKey: string | undefined;
  mode: Mode;
  /** CSS selector to mount into (inline mode); undefined means right after the script tag. */
  target: string | undefined;
  fields: FormField[];
  required: FormField[];
  /**
   * ISO 3166 alpha-2, upper case (data-default-country); undefined when the tag names none, and
   * the form chunk picks the visitor's likely region at mount (form/likely-region.ts).
   */
  defaultCountry: string | undefined;
  locale: LocaleCode;
  title: string | undefined;
  submitLabel: string | undefined;
  successMessage: string | undefined;
  /** Text of the required consent checkbox; undefined means no checkbox. */
  consent: string | undefined;
  privacyUrl: string | undefined;
  tags: string[];
  attributes: Attribute[];
  /** Add page URL, referrer, UTM parameters and locale as attributes. */
  context: boolean;
  accentColor: string | undefined;
  position: Position;
  /** The launcher's shift from its corner in px: inward from the side, up from the bottom. */
  offset: [x: number, y: number];
  zIndex: number;
}

/** The settings the form alone uses: the chunk reads them at mount (form-settings.ts). */
export type FormOnlySetting =
  | 'uuidKey'
  | 'context'
  | 'required'
  | 'defaultCountry'
  | 'submitLabel'
  | 'successMessage'
  | 'privacyUrl'
  | 'tags'
  | 'attributes';

/** What the loader reads before the chunk: the launcher, placement, sending, the reserve. */
export type LoaderSettings = Omit<WidgetSettings, FormOnlySetting>;

/** What the visitor typed. Empty strings mean "left empty". */
export interface FormValues {
  name: string;
  email: string;
  /** As typed; the core normalizes it to national digits before sending. */
  phone: string;
  /** With the plus sign, e.g. `"+44"`. */
  dialCode: string;
  message: string;
  consent: boolean;
  /** Honeypot, hidden from people. */
  website: string;
  /** Answers to the site owner's questions, by key (shared/owner-answers.ts). */
  answers?: Record<string, string | boolean>;
}

/** Fields a page may fill in ahead through `EleapiLeads.prefill()`. */
export interface Prefill {
  name?: string;
  email?: string;
  phone?: string;
  dialCode?: string;
}

export type WidgetEventName = 'ready' | 'open' | 'close' | 'submit' | 'success' | 'error';

/** What the UI needs from the core. */
export interface FormController {
  settings: WidgetSettings;
  /** Sends (or keeps for resending) a validated submission. Never rejects. */
  submit(values: FormValues): Promise<Outcome>;
  /** A submission of this page that was kept got its final answer (sent, or refused). */
  onResent(listener: (outcome: Outcome) => void): () => void;
  /** Calls the listener with every prefill, including ones made before the form mounted. */
  onPrefill(listener: (prefill: Prefill) => void): () => void;
  /** Dispatches `eleapi-leads:<name>` on document and calls `EleapiLeads.on` listeners. */
  emit(name: WidgetEventName, detail?: Record<string, unknown>): void;
}

/**
 * What the loader gives the form chunk: sending, events, prefills. Its settings are the loader's;
 * the chunk completes them (form-settings.ts) and reads the chat UUID and the page's context
 * itself, at submit time (form/submit-facts.ts).
 */
export interface FormCore<Settings = WidgetSettings>
  extends Omit<FormController, 'submit' | 'settings'> {
  settings: Settings;
  /** Announces `submit`, then stores and posts the body; settles it into events. Never rejects. */
  send(body: LeadSubmission, phoneAsTyped: string): Promise<Outcome>;
  report: Report;
}

/** What the core gets back from mounting the UI. */
export interface WidgetView {
  /** `moveFocus: false` (an automatic open while the page has focus somewhere): focus stays. */
  open(options?: { moveFocus?: boolean }): void;
  /** Does first open's drawing ahead, hidden: the visitor reached for the launcher (issue 10). */
  prepare(): void;
  close(): void;
  /**
   * A lead sent from this page was accepted, after its `success` event and the data layer push:
   * the chunk goes to data-success-url, when set (success-url.ts).
   */
  sent?(): void;
  /** Removes the element, its listeners and timers. */
  destroy(): void;
}
