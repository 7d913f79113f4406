// data-success-url: where the visitor goes after a successful send (a thank-you page that
// analytics can count). Absolute http(s), or relative to the page. Read by the form chunk at
// mount: only a send made on this page navigates, and only the chunk sends.
import type { FormChunk } from './form-seam.ts';
import { isHttp } from './setting-rule.ts';

/** The resolved URL, or undefined (no setting, or one error naming it when it is bad). */
export function parseSuccessUrl(
  attrs: Record<string, string>,
  pageUrl: string,
  report: (message: string) => void,
): string | undefined {
  const raw = attrs['data-success-url']?.trim();
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw, pageUrl);
  } catch {
    url = undefined;
  }
  // Never javascript:, data: or the like: the value becomes a navigation.
  if (url && isHttp(url)) return url.href;
  report(
    `data-success-url="${raw.slice(0, 80)}" is invalid: expected an http(s) URL, absolute or relative to the page. The visitor stays on the page.`,
  );
  return undefined;
}

/**
 * Goes to the success URL. Call it after the `success` event and the data layer push (both
 * synchronous, so tags have queued their hits), and only for a send the visitor made on this
 * page: never for an earlier page's lead that lands from the outbox.
 */
export function goToSuccessUrl(location: Pick<Location, 'assign'>, url: string): void {
  location.assign(url);
}

/** The chunk's mount whose view goes to data-success-url when the loader says a send landed. */
export const withSuccessUrl =
  (mount: FormChunk['mount']): FormChunk['mount'] =>
  (options) => {
    const view = mount(options);
    const { location } = options.root.host.ownerDocument.defaultView ?? window;
    const url = parseSuccessUrl(options.attrs, location.href, options.report);
    return url ? { ...view, sent: () => goToSuccessUrl(location, url) } : view;
  };
