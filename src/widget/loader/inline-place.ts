// Where an inline form goes when data-target does not say: right after its script tag, unless
// the tag sits where nothing shows (in <head>, in a hidden element): then at the end of <body>.

/** Puts `host` after the script, or at the end of <body> with one console warning. */
export function placeAfterScript(host: HTMLElement, script: HTMLScriptElement): void {
  const doc = script.ownerDocument;
  const parent = script.parentElement;
  // checkVisibility is false for an element without a box (display:none by any rule).
  const seen =
    !!parent &&
    doc.body.contains(parent) &&
    !parent.closest('[hidden]') &&
    (parent.checkVisibility?.() ?? true);
  if (seen) {
    script.after(host);
    return;
  }
  doc.body.append(host);
  const where = parent ? `<${parent.localName}>` : 'no element';
  console.warn(
    `eleapi-leads: the form went to the end of <body>: its script tag is in ${where}, where nothing shows. Put data-target="#an-element-id" on the tag, or place the tag in <body> where the form should appear.`,
  );
}
