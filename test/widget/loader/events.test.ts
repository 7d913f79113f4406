import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEvents } from '../../../src/widget/loader/events.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function listenOnDocument(name: string) {
  const seen: unknown[] = [];
  const listener = (event: Event) => seen.push((event as CustomEvent).detail);
  document.addEventListener(name, listener);
  cleanups.push(() => document.removeEventListener(name, listener));
  return seen;
}

describe('events.emit', () => {
  it('dispatches eleapi-leads:<name> on document with the detail', () => {
    const seen = listenOnDocument('eleapi-leads:success');
    createEvents(document, vi.fn()).emit('success', { uuid: 'u', fields: { name: 'Ada' } });
    expect(seen).toEqual([{ uuid: 'u', fields: { name: 'Ada' } }]);
  });

  it('calls listeners added with on, until they unsubscribe', () => {
    const events = createEvents(document, vi.fn());
    const listener = vi.fn();
    const stop = events.on('open', listener);
    events.emit('open');
    stop();
    events.emit('open');
    expect(listener).toHaveBeenCalledExactlyOnceWith({});
  });

  it('stops calling a listener removed with off', () => {
    const events = createEvents(document, vi.fn());
    const listener = vi.fn();
    events.on('close', listener);
    events.off('close', listener);
    events.emit('close');
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps calling the other listeners when one throws, and reports it', () => {
    const report = vi.fn();
    const events = createEvents(document, report);
    const after = vi.fn();
    events.on('submit', () => {
      throw new Error('site bug');
    });
    events.on('submit', after);
    events.emit('submit', { uuid: 'u' });
    expect(after).toHaveBeenCalledOnce();
    expect(report).toHaveBeenCalledWith(expect.stringContaining('"submit" listener threw'));
  });

  it('refuses unknown event names and non-functions with one error', () => {
    const report = vi.fn();
    const events = createEvents(document, report);
    events.on('sucess', vi.fn());
    events.on('success', 'nope' as never);
    expect(report).toHaveBeenCalledTimes(2);
    expect(report.mock.calls[0]?.[0]).toContain('ready, open, close, submit, success, error');
  });

  it('forgets every listener on clear', () => {
    const events = createEvents(document, vi.fn());
    const listener = vi.fn();
    events.on('ready', listener);
    events.clear();
    events.emit('ready');
    expect(listener).not.toHaveBeenCalled();
  });
});
