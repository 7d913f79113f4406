// data-open in the form chunk (issue 10 moved it out of the loader): the chunk's mount with the
// automatic open armed, floating and not remembered. The loader fetches the chunk on idle after
// load, or when a delay is due; the delay counts from the loader's start, a scroll position is
// checked on arrival, and an exit gesture before the chunk arrived is not seen (ARCHITECTURE.md).
import type { FormChunk } from './form-seam.ts';
import { parseOpenRule, scheduleAutoOpen } from './open-rules.ts';

export const withAutoOpen =
  (mount: FormChunk['mount']): FormChunk['mount'] =>
  (options) => {
    const view = mount(options);
    const rule = parseOpenRule(options.attrs, options.report);
    const win = options.root.host.ownerDocument.defaultView ?? window;
    if (options.core.settings.mode === 'inline' || options.remembered) return view;
    const disarm = scheduleAutoOpen(rule, {
      window: win,
      document: win.document,
      setTimer(fn, ms) {
        const handle = win.setTimeout(fn, ms);
        return () => win.clearTimeout(handle);
      },
      session: options.autoOpen.session,
      sinceStart: options.autoOpen.sinceStart(),
      open: view.open,
      isOpen: options.autoOpen.isOpen,
    });
    return {
      ...view,
      destroy() {
        disarm();
        view.destroy();
      },
    };
  };
