import { describe, expect, it, vi } from 'vitest';
import { parsePrefill } from '../../../src/widget/form/prefill.ts';

describe('parsePrefill', () => {
  it('keeps known string fields, trimmed', () => {
    const report = vi.fn();
    expect(
      parsePrefill(
        { name: ' Ada ', email: 'ada@example.com', phone: '0791', dialCode: '+44' },
        report,
      ),
    ).toEqual({ name: 'Ada', email: 'ada@example.com', phone: '0791', dialCode: '+44' });
    expect(report).not.toHaveBeenCalled();
  });

  it.each([
    ['a number', { name: 42 }, 'name must be text of at most 120 characters'],
    [
      'an over-long email',
      { email: `${'a'.repeat(250)}@b.co` },
      'email must be text of at most 254',
    ],
    ['an unknown dial code', { dialCode: '+999' }, 'dialCode must be a dial code like "+44"'],
    ['an unknown field', { company: 'Acme' }, 'unknown field "company"'],
  ])('drops %s with one error naming the field, keeping the rest', (_, input, message) => {
    const report = vi.fn();
    expect(parsePrefill({ phone: '0791', ...input }, report)).toEqual({ phone: '0791' });
    expect(report).toHaveBeenCalledExactlyOnceWith(expect.stringContaining(message));
  });

  it.each([null, 'Ada', ['Ada']])('refuses %j as input', (input) => {
    const report = vi.fn();
    expect(parsePrefill(input, report)).toEqual({});
    expect(report).toHaveBeenCalledOnce();
  });
});
