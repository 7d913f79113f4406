import { act } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WidgetView } from '../../../src/widget/types.ts';
import { fakeController } from '../../_util/widget/fake-controller.ts';
import { mountWidget } from '../../_util/widget/mount-widget.ts';
import { renderWidget } from '../../_util/widget/render-widget.ts';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

const sheetText = (sheet: CSSStyleSheet) =>
  Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n');

describe('where the form goes', () => {
  it('mounts inline right after its script tag', () => {
    document.body.innerHTML = '<p id="before"></p>';
    const { host, script } = renderWidget({ mode: 'inline' });
    expect(script.nextElementSibling).toBe(host);
  });

  it('mounts inline into the data-target element', () => {
    document.body.innerHTML = '<main><div id="slot"></div></main>';
    const { host } = renderWidget({ mode: 'inline', target: '#slot' });
    expect(host.parentElement?.id).toBe('slot');
  });

  it('says so and falls back to after the script when the target is missing', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { host, script } = renderWidget({ mode: 'inline', target: '#nowhere' });
    expect(script.nextElementSibling).toBe(host);
    expect(error).toHaveBeenCalledOnce();
    expect(String(error.mock.calls[0]?.[0])).toContain('data-target "#nowhere"');
  });

  it('appends the floating widget to <html>, after the body, where body CSS cannot move it', () => {
    const { host } = renderWidget({ mode: 'floating' });
    expect(document.documentElement.lastElementChild).toBe(host);
    expect(document.body.contains(host)).toBe(false);
  });

  it('puts everything in an open shadow root of one <eleapi-lead-form>', () => {
    const { host, root } = renderWidget();
    expect(host.tagName).toBe('ELEAPI-LEAD-FORM');
    expect(host.shadowRoot).toBe(root);
    expect(host.childNodes).toHaveLength(0);
    expect(document.querySelectorAll('form, input, label')).toHaveLength(0);
    expect(document.head.children).toHaveLength(0);
  });

  it('defines the element once even with two widgets on the page', () => {
    const define = vi.spyOn(customElements, 'define');
    renderWidget();
    renderWidget();
    expect(document.querySelectorAll('eleapi-lead-form')).toHaveLength(2);
    expect(
      define.mock.calls.filter(([name]) => name === 'eleapi-lead-form').length,
    ).toBeLessThanOrEqual(1);
    expect(customElements.get('eleapi-lead-form')).toBeDefined();
  });
});

describe('styles under a strict CSP', () => {
  it('adopts constructed sheets and uses no <style> element or style attribute', () => {
    const { root } = renderWidget({
      fields: ['name', 'email', 'phone', 'message'],
      consent: 'Yes',
    });
    // The loader's theme and site sheets, then the form chunk's panel sheet.
    expect(root.adoptedStyleSheets).toHaveLength(3);
    expect(root.querySelectorAll('style, link')).toHaveLength(0);
    expect(root.querySelectorAll('[style]')).toHaveLength(0);
  });

  it('resets inherited styles at the host and themes through custom properties', () => {
    const { root } = renderWidget();
    const base = sheetText(root.adoptedStyleSheets[0] as CSSStyleSheet);
    expect(base).toMatch(/:host\s*\{[^}]*all:\s*initial/);
    expect(base).toContain('--eleapi-accent');
    expect(base).toContain('prefers-reduced-motion');
    expect(base).toContain(':focus-visible');
  });

  it('puts the site’s accent colour and z-index into their own sheet', () => {
    const { root } = renderWidget({ accentColor: '#0a7', zIndex: 42 });
    const site = sheetText(root.adoptedStyleSheets[1] as CSSStyleSheet);
    expect(site).toContain('--eleapi-accent: #0a7');
    expect(site).toContain('--eleapi-z: 42');
  });

  // Browsers serialize every colour as rgb(); happy-dom keeps hex as written, so these give rgb()
  // (look-and-reach.test.ts checks #ffcc00 and hsl() in Chromium).
  it('puts black text on a light accent such as rgb(255, 204, 0), and white on a dark one', () => {
    const site = (accentColor: string) => {
      const { host, root } = renderWidget({ accentColor });
      host.remove();
      return sheetText(root.adoptedStyleSheets[1] as CSSStyleSheet);
    };
    expect(site('rgb(255, 204, 0)')).toContain('--eleapi-on-accent: #000');
    expect(site('rgb(29, 42, 58)')).toContain('--eleapi-on-accent: #fff');
  });

  it('warns once, naming data-accent-color, when neither black nor white text passes AA', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    renderWidget({ accentColor: 'rgba(0, 0, 0, 0.5)' });
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain('data-accent-color="rgba(0, 0, 0, 0.5)"');
    warn.mockClear();
    renderWidget({ accentColor: 'rgb(255, 204, 0)' });
    expect(warn).not.toHaveBeenCalled();
  });

  it('moves the launcher by data-offset from its corner', () => {
    const { root } = renderWidget({ offset: [8, 120] });
    const site = sheetText(root.adoptedStyleSheets[1] as CSSStyleSheet);
    expect(site).toContain('--eleapi-x: 8px');
    expect(site).toContain('--eleapi-y: 120px');
  });

  it('exposes main elements as parts for ::part() theming', () => {
    const { root, view } = renderWidget({ mode: 'floating' });
    act(() => view.open());
    const parts = new Set(
      Array.from(root.querySelectorAll('[part]'), (el) =>
        el.getAttribute('part')?.split(' '),
      ).flat(),
    );
    for (const part of ['launcher', 'panel', 'form', 'field', 'input', 'button', 'status']) {
      expect(parts).toContain(part);
    }
  });
});

describe('destroy', () => {
  it('removes the element, unmounts and stops listening for prefills', () => {
    const controller = fakeController({ mode: 'inline' });
    const script = document.body.appendChild(document.createElement('script'));
    let view: WidgetView | undefined;
    act(() => {
      view = mountWidget({ script, controller });
    });
    const host = document.querySelector('eleapi-lead-form') as HTMLElement;
    expect(controller.prefillListeners).toBe(1);
    act(() => view?.destroy());
    expect(host.isConnected).toBe(false);
    expect(host.shadowRoot?.querySelector('#panel')).toBeNull();
    expect(controller.prefillListeners).toBe(0);
    act(() => view?.open());
    expect(controller.events).toEqual([]);
  });

  it('leaves the page as it was, with no listener added to document or window', () => {
    document.body.innerHTML = '<p>Page</p>';
    const before = document.documentElement.outerHTML;
    const onDocument = vi.spyOn(document, 'addEventListener');
    const onWindow = vi.spyOn(window, 'addEventListener');
    const script = document.createElement('script');
    let view: WidgetView | undefined;
    act(() => {
      view = mountWidget({ script, controller: fakeController({ mode: 'floating' }) });
      view.open();
    });
    act(() => view?.destroy());
    expect(document.documentElement.outerHTML).toBe(before);
    expect(onDocument).not.toHaveBeenCalled();
    expect(onWindow).not.toHaveBeenCalled();
  });
});
