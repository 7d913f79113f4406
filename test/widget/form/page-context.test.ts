import { describe, expect, it } from 'vitest';
import { pageContext } from '../../../src/widget/form/page-context.ts';

describe('pageContext', () => {
  it('lists the page URL, referrer, every UTM parameter and the locale', () => {
    const url = new URL(
      'https://shop.example/p?utm_source=news&utm_medium=email&utm_campaign=spring&utm_term=shoes&utm_content=hero&x=1',
    );
    expect(pageContext(url, 'https://google.com/', 'fr')).toEqual([
      { key: 'page_url', value: url.href },
      { key: 'referrer', value: 'https://google.com/' },
      { key: 'utm_source', value: 'news' },
      { key: 'utm_medium', value: 'email' },
      { key: 'utm_campaign', value: 'spring' },
      { key: 'utm_term', value: 'shoes' },
      { key: 'utm_content', value: 'hero' },
      { key: 'locale', value: 'fr' },
    ]);
  });

  it('leaves out what the page does not have', () => {
    const url = new URL('https://shop.example/');
    expect(pageContext(url, '', 'en')).toEqual([
      { key: 'page_url', value: 'https://shop.example/' },
      { key: 'locale', value: 'en' },
    ]);
  });
});
