import { describe, expect, it, vi } from 'vitest';
import { prefillFromUrl } from '../../src/widget/form/url-prefill-values.ts';
import { parsePrefillFromUrl } from '../../src/widget/url-prefill.ts';

describe('parsePrefillFromUrl (data-prefill-from-url)', () => {
  it('reads a comma list of name, email, phone; none by default', () => {
    const report = vi.fn();
    expect(parsePrefillFromUrl({ 'data-prefill-from-url': 'email, name' }, report)).toEqual([
      'name',
      'email',
    ]);
    expect(parsePrefillFromUrl({}, report)).toEqual([]);
    expect(report).not.toHaveBeenCalled();
  });

  it('refuses an unknown field with one error naming the attribute', () => {
    const report = vi.fn();
    expect(parsePrefillFromUrl({ 'data-prefill-from-url': 'email,password' }, report)).toEqual([]);
    expect(report).toHaveBeenCalledExactlyOnceWith(
      'data-prefill-from-url="email,password" is invalid: expected a comma list of name, email, phone. Nothing is filled from the URL.',
    );
  });
});

describe('prefillFromUrl', () => {
  it('fills the named fields from the query, as the shared schemas clean them', () => {
    expect(
      prefillFromUrl(
        '?email=Ada%40Example.com&name=+Ada+Lovelace+&phone=07911+123456&utm_source=x',
        ['name', 'email', 'phone'],
      ),
    ).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com', phone: '07911 123456' });
  });

  it('reads only the fields the site named', () => {
    expect(prefillFromUrl('?email=ada@example.com&name=Ada', ['email'])).toEqual({
      email: 'ada@example.com',
    });
  });

  it('drops a value that fails its field’s check, and keeps the rest', () => {
    const longName = 'n'.repeat(121);
    expect(
      prefillFromUrl(`?email=not-an-email&name=${longName}&phone=<script>`, [
        'name',
        'email',
        'phone',
      ]),
    ).toEqual({});
    expect(prefillFromUrl('?email=bad&name=Ada', ['name', 'email'])).toEqual({ name: 'Ada' });
  });

  it('leaves out empty and missing parameters', () => {
    expect(prefillFromUrl('?name=&email', ['name', 'email', 'phone'])).toEqual({});
  });

  it('says nothing on the console about what a visitor put in the URL', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    prefillFromUrl('?email=%E0%A4%A&name=\u0000', ['name', 'email']);
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });
});
