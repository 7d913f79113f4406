import { afterEach, describe, expect, it, vi } from 'vitest';
import { placeAfterScript } from '../../../src/widget/loader/inline-place.ts';

afterEach(() => {
  for (const script of document.head.querySelectorAll('script')) script.remove();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

const host = () => document.createElement('eleapi-lead-form');
const warnings = () => vi.spyOn(console, 'warn').mockImplementation(() => {});

describe('an inline form without data-target', () => {
  it('goes right after a script tag in <body>, without a warning', () => {
    const warn = warnings();
    document.body.innerHTML = '<main><p>Hi</p><script></script><footer></footer></main>';
    const script = document.querySelector('script') as HTMLScriptElement;
    const form = host();
    placeAfterScript(form, script);
    expect(script.nextElementSibling).toBe(form);
    expect(warn).not.toHaveBeenCalled();
  });

  it('goes to the end of <body> when the tag is in <head>, with one warning saying how to place it', () => {
    const warn = warnings();
    document.body.innerHTML = '<main></main><footer></footer>';
    const script = document.head.appendChild(document.createElement('script'));
    const form = host();
    placeAfterScript(form, script);
    expect(document.body.lastElementChild).toBe(form);
    expect(warn).toHaveBeenCalledOnce();
    const [message] = warn.mock.calls[0] ?? [];
    expect(message).toContain('end of <body>');
    expect(message).toContain('<head>');
    expect(message).toContain('data-target');
  });

  it('goes to the end of <body> when the tag sits in an element that does not show', () => {
    const warn = warnings();
    document.body.innerHTML = '<div hidden><script></script></div><footer></footer>';
    const script = document.querySelector('script') as HTMLScriptElement;
    const form = host();
    placeAfterScript(form, script);
    expect(document.body.lastElementChild).toBe(form);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('goes to the end of <body> when the tag was removed from the page', () => {
    const warn = warnings();
    const form = host();
    placeAfterScript(form, document.createElement('script'));
    expect(document.body.lastElementChild).toBe(form);
    expect(warn).toHaveBeenCalledOnce();
  });
});
