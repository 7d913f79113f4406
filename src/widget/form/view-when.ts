// A view handed to the loader at once whose panel is mounted only once `ready` settled (the
// owner's questions piece, asked-questions.ts): what the loader asks meanwhile waits, in order,
// so an open before the piece arrived shows the form with its questions, never without.
import type { WidgetView } from '../types.ts';

export function viewWhen<T>(ready: Promise<T>, mount: (value: T) => WidgetView): WidgetView {
  let view: WidgetView | undefined;
  let destroyed = false;
  const mounted = ready.then((value) => {
    if (!destroyed) view = mount(value);
  });
  const later = (call: (view: WidgetView) => void) =>
    view ? call(view) : void mounted.then(() => view && call(view));
  return {
    open: (options) => later((shown) => shown.open(options)),
    prepare: () => later((shown) => shown.prepare()),
    close: () => later((shown) => shown.close()),
    destroy() {
      destroyed = true;
      view?.destroy();
      view = undefined;
    },
  };
}
