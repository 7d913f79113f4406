// Not asking twice (issue 12): after a send, the form says "we have your details" for
// data-remember-days. The flag is the time of the send and nothing else: no personal data.

export const REMEMBER_KEY = 'eleapi-leads:sent-at';
export const DEFAULT_REMEMBER_DAYS = 30;
export const MAX_REMEMBER_DAYS = 365;
const DAY_MS = 86_400_000;

/** data-remember-days: whole days from 0 (off) to 365; a bad value gets one error and 30. */
export function parseRememberDays(
  attrs: Record<string, string>,
  report: (message: string) => void,
): number {
  const raw = attrs['data-remember-days']?.trim();
  if (raw === undefined) return DEFAULT_REMEMBER_DAYS;
  if (/^\d{1,3}$/.test(raw) && +raw <= MAX_REMEMBER_DAYS) return +raw;
  report(
    `data-remember-days="${raw.slice(0, 80)}" is invalid: expected a whole number of days from 0 (off) to ${MAX_REMEMBER_DAYS}. Using the default (${DEFAULT_REMEMBER_DAYS}).`,
  );
  return DEFAULT_REMEMBER_DAYS;
}

export interface Remember {
  /** Call after a successful send (the relay's 202). */
  remember(now: number): void;
  /** Whether a send happened less than the set number of days before `now`. */
  isRemembered(now: number): boolean;
  /** "Send again": the form shows until the next send. */
  forget(): void;
}

export function createRemember(
  storage: {
    get(key: string): string | null;
    set(key: string, value: string): boolean;
    remove(key: string): void;
  },
  days: number,
): Remember {
  const forget = () => storage.remove(REMEMBER_KEY);
  return {
    remember(now) {
      // Turned off: a flag left from an earlier setting goes too.
      if (days > 0) storage.set(REMEMBER_KEY, String(now));
      else forget();
    },
    isRemembered(now) {
      const raw = storage.get(REMEMBER_KEY);
      if (raw === null) return false;
      const sentAt = /^\d{1,16}$/.test(raw) ? Number(raw) : Number.NaN;
      // A clock set back makes the age negative: not trusted, like an unreadable flag.
      const age = now - sentAt;
      if (days > 0 && age >= 0 && age < days * DAY_MS) return true;
      forget();
      return false;
    },
    forget,
  };
}
