import { describe, expect, it, vi } from 'vitest';
import { createRemember, parseRememberDays, REMEMBER_KEY } from '../../src/widget/remember.ts';
import { safeStorage } from '../../src/widget/safe-storage.ts';
import { memoryStorage, throwingStorage } from '../_util/widget/widget-fakes.ts';

const DAY = 86_400_000;
const SENT = Date.UTC(2026, 11, 1, 12);

function remembering(days: number) {
  const store = memoryStorage();
  return {
    store,
    remember: createRemember(
      safeStorage(() => store),
      days,
    ),
  };
}

describe('parseRememberDays (data-remember-days)', () => {
  it.each([
    [undefined, 30],
    ['0', 0],
    ['7', 7],
    [' 365 ', 365],
  ])('reads %j as %d days', (raw, days) => {
    const report = vi.fn();
    expect(parseRememberDays(raw === undefined ? {} : { 'data-remember-days': raw }, report)).toBe(
      days,
    );
    expect(report).not.toHaveBeenCalled();
  });

  it.each(['-1', '366', '2.5', 'forever', ''])('refuses %j with one error and uses 30', (raw) => {
    const report = vi.fn();
    expect(parseRememberDays({ 'data-remember-days': raw }, report)).toBe(30);
    expect(report).toHaveBeenCalledExactlyOnceWith(
      `data-remember-days="${raw}" is invalid: expected a whole number of days from 0 (off) to 365. Using the default (30).`,
    );
  });
});

describe('createRemember', () => {
  it('remembers a send for the set number of days, then forgets it', () => {
    const { remember } = remembering(30);
    expect(remember.isRemembered(SENT)).toBe(false);
    remember.remember(SENT);
    expect(remember.isRemembered(SENT + 29 * DAY)).toBe(true);
    expect(remember.isRemembered(SENT + 30 * DAY)).toBe(false);
  });

  it('stores the time of the send and nothing else', () => {
    const { store, remember } = remembering(30);
    remember.remember(SENT);
    expect(
      Object.fromEntries(
        Array.from({ length: store.length }, (_, i) => [
          store.key(i),
          store.getItem(store.key(i) ?? ''),
        ]),
      ),
    ).toEqual({
      [REMEMBER_KEY]: String(SENT),
    });
  });

  it('is off with 0 days, and clears a flag an earlier setting left', () => {
    const { store, remember } = remembering(0);
    store.setItem(REMEMBER_KEY, String(SENT));
    expect(remember.isRemembered(SENT + 1)).toBe(false);
    remember.remember(SENT);
    expect(store.getItem(REMEMBER_KEY)).toBeNull();
  });

  it('forgets on "send again"', () => {
    const { remember } = remembering(30);
    remember.remember(SENT);
    remember.forget();
    expect(remember.isRemembered(SENT + 1)).toBe(false);
  });

  it.each(['yesterday', '{"email":"a@b.c"}', String(SENT + DAY)])(
    'does not trust a flag that is unreadable or in the future (%s)',
    (value) => {
      const { store, remember } = remembering(30);
      store.setItem(REMEMBER_KEY, value);
      expect(remember.isRemembered(SENT)).toBe(false);
      expect(store.getItem(REMEMBER_KEY)).toBeNull();
    },
  );

  it('works, remembering nothing, when storage throws', () => {
    const remember = createRemember(safeStorage(throwingStorage), 30);
    expect(() => remember.remember(SENT)).not.toThrow();
    expect(remember.isRemembered(SENT)).toBe(false);
  });
});
