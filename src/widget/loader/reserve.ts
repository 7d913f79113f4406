// The inline form's height before the chunk draws it, in em of the widget's font, so the page
// does not shift when it renders (issue 10: CLS 0.104 before). Measured in Chromium at 16 px
// (test/browser/loader-chunk.test.ts checks the reserve against the drawn form).
import type { WidgetSettings } from '../types.ts';

// Panel padding, border and heading; one labelled input; the textarea's extra; the consent row;
// the button with its status margin.
const FRAME_EM = 4.6;
const FIELD_EM = 5.05;
const MESSAGE_EXTRA_EM = 2.6;
const CONSENT_EM = 2.3;
const BUTTON_EM = 3.65;

/** The reserved min-height: a little under the drawn form, so it only ever grows into place. */
export function reservedEm(settings: Pick<WidgetSettings, 'fields' | 'consent'>): number {
  const { fields } = settings;
  // The phone is two fields: the country and the number.
  const count = fields.length + (fields.includes('phone') ? 1 : 0);
  const em =
    FRAME_EM +
    count * FIELD_EM +
    (fields.includes('message') ? MESSAGE_EXTRA_EM : 0) +
    (settings.consent ? CONSENT_EM : 0) +
    BUTTON_EM;
  return Math.floor(em * 10) / 10;
}
