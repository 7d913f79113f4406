// The view handed over while the owner's questions piece loads (form/view-when.ts): what the
// loader asks meanwhile happens, in order, once the panel is mounted; destroyed first, it never mounts.
import { describe, expect, it, vi } from 'vitest';
import { viewWhen } from '../../../src/widget/form/view-when.ts';
import type { WidgetView } from '../../../src/widget/types.ts';

function panel() {
  const calls: string[] = [];
  const view: WidgetView = {
    open: (options) => calls.push(`open ${options?.moveFocus ?? ''}`),
    prepare: () => calls.push('prepare'),
    close: () => calls.push('close'),
    destroy: () => calls.push('destroy'),
  };
  return { calls, view };
}

describe('viewWhen', () => {
  it('mounts once ready, then replays the asks in order', async () => {
    const { calls, view } = panel();
    let arrive: (questions: string[]) => void = () => {};
    const mount = vi.fn((_questions: string[]) => view);
    const shown = viewWhen(new Promise<string[]>((resolve) => (arrive = resolve)), mount);
    shown.prepare();
    shown.open({ moveFocus: false });
    expect(mount).not.toHaveBeenCalled();
    arrive(['company']);
    await vi.waitFor(() => expect(calls).toEqual(['prepare', 'open false']));
    expect(mount).toHaveBeenCalledWith(['company']);
    // Mounted: asks go straight through.
    shown.close();
    expect(calls.at(-1)).toBe('close');
    shown.destroy();
    expect(calls.at(-1)).toBe('destroy');
  });

  it('never mounts when destroyed before ready', async () => {
    const { view } = panel();
    const mount = vi.fn(() => view);
    const ready = Promise.resolve([]);
    const shown = viewWhen(ready, mount);
    shown.open();
    shown.destroy();
    await ready;
    await Promise.resolve();
    expect(mount).not.toHaveBeenCalled();
  });
});
