import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AUTO_OPEN_KEY,
  type OpenRule,
  openRuleOf,
  suppressAutoOpen,
} from '../../src/widget/open-rules.ts';
import { parseOpenRule, scheduleAutoOpen } from '../../src/widget/open-schedule.ts';
import { safeStorage } from '../../src/widget/safe-storage.ts';
import { memoryStorage } from '../_util/widget/widget-fakes.ts';

describe('parseOpenRule (data-open)', () => {
  it.each<[string, OpenRule]>([
    ['manual', { kind: 'manual' }],
    ['delay:10', { kind: 'delay', seconds: 10 }],
    ['delay:0', { kind: 'delay', seconds: 0 }],
    ['delay:2.5', { kind: 'delay', seconds: 2.5 }],
    [' delay : 5 ', { kind: 'delay', seconds: 5 }],
    ['scroll:50', { kind: 'scroll', percent: 50 }],
    ['scroll:100', { kind: 'scroll', percent: 100 }],
    ['exit', { kind: 'exit' }],
  ])('reads %j', (raw, rule) => {
    const report = vi.fn();
    expect(parseOpenRule({ 'data-open': raw }, report)).toEqual(rule);
    expect(report).not.toHaveBeenCalled();
  });

  it('is manual when the attribute is absent', () => {
    const report = vi.fn();
    expect(parseOpenRule({}, report)).toEqual({ kind: 'manual' });
    expect(report).not.toHaveBeenCalled();
  });

  it.each([
    'delay',
    'delay:',
    'delay:-1',
    'delay:3601',
    'delay:5s',
    'scroll:0',
    'scroll:101',
    'scroll:half',
    'exit:1',
    'manual:0',
    'delay:5:6',
    'hover',
    '',
  ])('refuses %j with one error naming data-open and what it allows, and stays manual', (raw) => {
    const report = vi.fn();
    expect(parseOpenRule({ 'data-open': raw }, report)).toEqual({ kind: 'manual' });
    expect(report).toHaveBeenCalledExactlyOnceWith(
      `data-open="${raw.trim()}" is invalid: expected manual, delay:SECONDS (0 to 3600), scroll:PERCENT (1 to 100) or exit. Using the default (manual).`,
    );
    expect(openRuleOf(raw.trim())).toBeNull();
  });
});

class FakeWindow extends EventTarget {
  scrollY = 0;
  innerHeight = 800;
  finePointer = true;
  matchMedia = (query: string) =>
    ({ matches: query === '(pointer: fine)' && this.finePointer }) as MediaQueryList;
  scrollTo(y: number) {
    this.scrollY = y;
    this.dispatchEvent(new Event('scroll'));
  }
}

let win: FakeWindow;
let page: { scrollHeight: number; visibilityState: DocumentVisibilityState };
let session: ReturnType<typeof safeStorage>;
let open: ReturnType<typeof vi.fn<(options: { moveFocus: boolean }) => void>>;
let panelOpen: boolean;
const disposers: (() => void)[] = [];

function schedule(rule: OpenRule) {
  const dispose = scheduleAutoOpen(rule, {
    window: win as unknown as Window,
    document: {
      addEventListener: document.addEventListener.bind(document),
      removeEventListener: document.removeEventListener.bind(document),
      get activeElement() {
        return document.activeElement;
      },
      get visibilityState() {
        return page.visibilityState;
      },
      documentElement: {
        get scrollHeight() {
          return page.scrollHeight;
        },
      },
    },
    setTimer: (fn, ms) => {
      const handle = setTimeout(fn, ms);
      return () => clearTimeout(handle);
    },
    session,
    open,
    isOpen: () => panelOpen,
  });
  disposers.push(dispose);
  return dispose;
}

/** The pointer leaves the window at height `clientY` (negative: above the viewport). */
function pointerLeaves(clientY: number) {
  document.body.dispatchEvent(
    new MouseEvent('mouseout', { bubbles: true, clientY, relatedTarget: null }),
  );
}

beforeEach(() => {
  vi.useFakeTimers();
  win = new FakeWindow();
  page = { scrollHeight: 2800, visibilityState: 'visible' };
  const store = memoryStorage();
  session = safeStorage(() => store);
  open = vi.fn();
  panelOpen = false;
  document.body.innerHTML = '';
});
afterEach(() => {
  for (const dispose of disposers.splice(0)) dispose();
  vi.useRealTimers();
});

describe('scheduleAutoOpen: the rules', () => {
  it('delay: opens once the seconds have passed, not before', () => {
    schedule({ kind: 'delay', seconds: 10 });
    vi.advanceTimersByTime(9_999);
    expect(open).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(open).toHaveBeenCalledExactlyOnceWith({ moveFocus: true });
  });

  it('scroll: opens when the visitor has scrolled the given share of the page', () => {
    schedule({ kind: 'scroll', percent: 50 });
    win.scrollTo(900); // 900 of 2000 scrollable pixels: 45 %
    expect(open).not.toHaveBeenCalled();
    win.scrollTo(1000);
    win.scrollTo(1200);
    expect(open).toHaveBeenCalledExactlyOnceWith({ moveFocus: true });
  });

  it('scroll: counts a page restored below the mark at once', () => {
    win.scrollY = 1900;
    schedule({ kind: 'scroll', percent: 90 });
    expect(open).toHaveBeenCalledOnce();
  });

  it('scroll: never opens on a page too short to scroll', () => {
    page.scrollHeight = 600;
    schedule({ kind: 'scroll', percent: 10 });
    win.scrollTo(0);
    expect(open).not.toHaveBeenCalled();
  });

  it('exit: opens when a fine pointer leaves through the top of the viewport', () => {
    schedule({ kind: 'exit' });
    pointerLeaves(400); // out through a side
    document.body.dispatchEvent(
      new MouseEvent('mouseout', { bubbles: true, clientY: -5, relatedTarget: document.body }),
    ); // moving between elements near the top
    expect(open).not.toHaveBeenCalled();
    pointerLeaves(-5);
    expect(open).toHaveBeenCalledExactlyOnceWith({ moveFocus: true });
  });

  it('exit: never opens on a touch screen', () => {
    win.finePointer = false;
    schedule({ kind: 'exit' });
    pointerLeaves(-5);
    expect(open).not.toHaveBeenCalled();
  });

  it('manual: never opens by itself', () => {
    schedule({ kind: 'manual' });
    win.scrollTo(2000);
    pointerLeaves(-5);
    vi.advanceTimersByTime(3_600_000);
    expect(open).not.toHaveBeenCalled();
  });
});

describe('scheduleAutoOpen: what it never does', () => {
  it('opens at most once per browser session, across pages', () => {
    schedule({ kind: 'exit' });
    pointerLeaves(-5);
    pointerLeaves(-5);
    expect(open).toHaveBeenCalledOnce();
    expect(session.get(AUTO_OPEN_KEY)).toBe('opened');
    // The next page of the same session.
    schedule({ kind: 'delay', seconds: 1 });
    vi.advanceTimersByTime(5_000);
    expect(open).toHaveBeenCalledOnce();
  });

  it.each(['closed', 'sent'] as const)('never opens after the visitor %s the form', (why) => {
    schedule({ kind: 'delay', seconds: 30 });
    vi.advanceTimersByTime(10_000);
    suppressAutoOpen(session, why);
    vi.advanceTimersByTime(30_000);
    expect(open).not.toHaveBeenCalled();
    // Nor on a later page of the session.
    schedule({ kind: 'exit' });
    pointerLeaves(-5);
    expect(open).not.toHaveBeenCalled();
  });

  it('gives up when the visitor opened the panel already', () => {
    schedule({ kind: 'delay', seconds: 5 });
    panelOpen = true;
    vi.advanceTimersByTime(5_000);
    panelOpen = false;
    vi.advanceTimersByTime(60_000);
    expect(open).not.toHaveBeenCalled();
  });

  it('waits while another dialog of the page has focus, then opens', () => {
    document.body.innerHTML =
      '<div role="dialog" aria-label="Cookies"><button>Accept</button></div><button>Other</button>';
    const [accept, other] = document.querySelectorAll('button');
    accept?.focus();
    schedule({ kind: 'delay', seconds: 5 });
    vi.advanceTimersByTime(20_000);
    expect(open).not.toHaveBeenCalled();
    other?.focus();
    vi.advanceTimersByTime(1_000);
    // Something was focused: the panel opens without taking focus.
    expect(open).toHaveBeenCalledExactlyOnceWith({ moveFocus: false });
  });

  it.each([
    ['an open <dialog>', '<dialog open><input></dialog>'],
    ['an aria-modal element', '<div aria-modal="true"><input></div>'],
  ])('does not open on exit while %s has focus', (_, html) => {
    document.body.innerHTML = html;
    document.querySelector('input')?.focus();
    schedule({ kind: 'exit' });
    pointerLeaves(-5);
    expect(open).not.toHaveBeenCalled();
  });

  it('waits while the tab is hidden', () => {
    page.visibilityState = 'hidden';
    schedule({ kind: 'delay', seconds: 1 });
    vi.advanceTimersByTime(10_000);
    expect(open).not.toHaveBeenCalled();
    page.visibilityState = 'visible';
    vi.advanceTimersByTime(1_000);
    expect(open).toHaveBeenCalledOnce();
  });

  it('does not steal focus from a field the visitor is typing in', () => {
    document.body.innerHTML = '<input aria-label="Search">';
    document.querySelector('input')?.focus();
    schedule({ kind: 'scroll', percent: 10 });
    win.scrollTo(500);
    expect(open).toHaveBeenCalledExactlyOnceWith({ moveFocus: false });
  });

  it('dispose removes every listener and timer', () => {
    const dispose = schedule({ kind: 'delay', seconds: 5 });
    dispose();
    expect(vi.getTimerCount()).toBe(0);
    const stopScroll = schedule({ kind: 'scroll', percent: 10 });
    const stopExit = schedule({ kind: 'exit' });
    stopScroll();
    stopExit();
    win.scrollTo(2000);
    pointerLeaves(-5);
    vi.advanceTimersByTime(60_000);
    expect(open).not.toHaveBeenCalled();
  });
});
