// data-open: when the floating panel opens by itself (issue 12). At most once per browser
// session, never after the visitor closed the panel or sent the form, never while a dialog of
// the page has focus, and focus moves into the panel only if the page had nothing focused.
// Reduced motion is the panel's concern: an automatic open animates like any other.
// This file is what the loader needs too (the rule's shape, the session flag); the chunk's
// data-open piece adds the parsing with its report and the scheduler (open-schedule.ts).

export type OpenRule =
  | { kind: 'manual' }
  | { kind: 'delay'; seconds: number }
  | { kind: 'scroll'; percent: number }
  | { kind: 'exit' };

export const OPEN_RULE_ALLOWED =
  'manual, delay:SECONDS (0 to 3600), scroll:PERCENT (1 to 100) or exit';

/** The rule of a `data-open` value (trimmed), or null when it is invalid. */
export function openRuleOf(raw: string): OpenRule | null {
  const [kind, value = '', extra] = raw.split(':').map((part) => part.trim());
  const amount = /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (extra !== undefined) return null;
  if (kind === 'manual' || kind === 'exit') return raw.includes(':') ? null : { kind };
  if (kind === 'delay' && amount <= 3600) return { kind, seconds: amount };
  if (kind === 'scroll' && amount >= 1 && amount <= 100) return { kind, percent: amount };
  return null;
}

/** sessionStorage key: set once the panel opened by itself, or the visitor closed or sent. */
export const AUTO_OPEN_KEY = 'eleapi-leads:auto-open';

export type SessionFlag = {
  get(key: string): string | null;
  set(key: string, value: string): boolean;
};

/** Call when the visitor closes the panel or sends the form: no automatic open this session. */
export const suppressAutoOpen = (session: SessionFlag, why: 'closed' | 'sent'): void =>
  void session.set(AUTO_OPEN_KEY, why);
