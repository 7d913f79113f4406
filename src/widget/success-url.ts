// data-success-url: where the visitor goes after a successful send (a thank-you page that
// analytics can count). Absolute http(s), or relative to the page.

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
  if (url && /^https?:$/.test(url.protocol)) return url.href;
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
