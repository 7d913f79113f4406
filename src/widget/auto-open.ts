// data-open in the form chunk (issue 10 moved it out of the loader): the chunk's mount with the
// automatic open armed, floating and not remembered. The loader fetches the chunk on idle after
// load, or when a delay is due; the delay counts from the loader's start, a scroll position is
// checked on arrival, and an exit gesture before the chunk arrived is not seen (ARCHITECTURE.md).
// The rules are the chunk's "open" piece, fetched only for a tag with data-open: a piece that
// cannot load is said once and the widget works without the automatic open.
import type { FormChunk } from './form-seam.ts';
import type { OpenRules } from './pieces/piece-file.ts';

/** The rules at once (tests), or their piece on the way. */
export type OpenRulesSource = () => OpenRules | Promise<OpenRules>;

export const withAutoOpen =
  (mount: FormChunk['mount'], rules: OpenRulesSource): FormChunk['mount'] =>
  (options) => {
    const view = mount(options);
    // No data-open is the default, manual: nothing to fetch or arm.
    if (options.attrs['data-open'] === undefined) return view;
    const win = options.root.host.ownerDocument.defaultView ?? window;
    let destroyed = false;
    let disarm = () => {};
    const arm = ({ parseOpenRule, scheduleAutoOpen }: OpenRules) => {
      // Parsed even where it cannot apply, so a bad value is reported on every page.
      const rule = parseOpenRule(options.attrs, options.report);
      if (destroyed || options.core.settings.mode === 'inline' || options.remembered) return;
      disarm = scheduleAutoOpen(rule, {
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
    };
    const given = rules();
    if (given instanceof Promise) {
      given.then(arm, (error: Error) =>
        options.report(`${error.message}: data-open is not applied, the panel opens on click.`),
      );
    } else arm(given);
    return {
      ...view,
      destroy() {
        destroyed = true;
        disarm();
        view.destroy();
      },
    };
  };
