import { describe, expect, it, vi } from 'vitest';
import { goToSuccessUrl, parseSuccessUrl } from '../../src/widget/success-url.ts';

const PAGE = 'https://bakery.example/catering/?utm_source=news';

describe('parseSuccessUrl (data-success-url)', () => {
  it.each([
    ['https://bakery.example/thanks', 'https://bakery.example/thanks'],
    ['http://other.example/t?x=1', 'http://other.example/t?x=1'],
    ['/thanks', 'https://bakery.example/thanks'],
    ['thanks.html', 'https://bakery.example/catering/thanks.html'],
    ['../thanks#top', 'https://bakery.example/thanks#top'],
  ])('resolves %j against the page', (raw, url) => {
    const report = vi.fn();
    expect(parseSuccessUrl({ 'data-success-url': raw }, PAGE, report)).toBe(url);
    expect(report).not.toHaveBeenCalled();
  });

  it('is unset by default', () => {
    expect(parseSuccessUrl({}, PAGE, vi.fn())).toBeUndefined();
  });

  it.each(['javascript:alert(1)', 'data:text/html,hi', 'mailto:a@b.c', 'http://['])(
    'refuses %j with one error naming the attribute, and stays on the page',
    (raw) => {
      const report = vi.fn();
      expect(parseSuccessUrl({ 'data-success-url': raw }, PAGE, report)).toBeUndefined();
      expect(report).toHaveBeenCalledExactlyOnceWith(
        `data-success-url="${raw}" is invalid: expected an http(s) URL, absolute or relative to the page. The visitor stays on the page.`,
      );
    },
  );
});

describe('goToSuccessUrl', () => {
  it('navigates the page there', () => {
    const location = { assign: vi.fn() };
    goToSuccessUrl(location, 'https://bakery.example/thanks');
    expect(location.assign).toHaveBeenCalledExactlyOnceWith('https://bakery.example/thanks');
  });
});
