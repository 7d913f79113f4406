// When the loader works unasked: after a frame (or, with no frame coming, a fallback), and
// whether the page has painted.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterPaint, hasPainted } from '../../../src/widget/loader/when-idle.ts';

type Win = Parameters<typeof afterPaint>[0];

afterEach(() => vi.useRealTimers());

describe('afterPaint', () => {
  it('runs once, in the task after the next frame, and clears its fallback', async () => {
    vi.useFakeTimers();
    const run = vi.fn();
    afterPaint(window, run);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersToNextFrame();
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledOnce();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('runs after the fallback when no frame comes, as in a hidden tab', () => {
    vi.useFakeTimers();
    const run = vi.fn();
    const hidden = {
      requestAnimationFrame: () => 0,
      cancelAnimationFrame() {},
      setTimeout: (fn: () => void, ms: number) => window.setTimeout(fn, ms),
      clearTimeout: (handle: number) => window.clearTimeout(handle),
    } as unknown as Win;
    afterPaint(hidden, run, 1_000);
    vi.advanceTimersByTime(999);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledOnce();
  });

  it('runs nothing once cancelled', async () => {
    vi.useFakeTimers();
    const run = vi.fn();
    afterPaint(window, run)();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(run).not.toHaveBeenCalled();
  });
});

describe('hasPainted', () => {
  const withPaints = (entries: unknown[]) =>
    ({
      PerformancePaintTiming: class {},
      performance: { getEntriesByType: (type: string) => (type === 'paint' ? entries : []) },
    }) as unknown as Win;

  it('is false before the first paint entry and true after it', () => {
    expect(hasPainted(withPaints([]))).toBe(false);
    expect(hasPainted(withPaints([{ name: 'first-paint' }]))).toBe(true);
  });

  it('counts a window without paint timing as painted, so nothing waits where it cannot tell', () => {
    expect(hasPainted({ performance: { getEntriesByType: () => [] } } as unknown as Win)).toBe(
      true,
    );
  });
});
