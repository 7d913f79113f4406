// The inline form's height before the chunk draws it, in em of the widget's font, so the page
// does not shift when it renders (issue 10: CLS 0.104 before). Measured in Chromium at 16 px
// (test/browser/loader-chunk.test.ts checks the reserve against the drawn form).
import type { LoaderSettings } from '../types.ts';

// Measured in Chromium at 16 px (panels of 1, 2, 4 and 5 fields, with and without consent):
// padding, border, heading and button; each labelled input; the textarea's extra rows; a
// one-line consent row. A longer consent text or title wraps and grows past the reserve.
const FRAME_EM = 7.2;
const FIELD_EM = 5.274;
const MESSAGE_EXTRA_EM = 3.973;
const CONSENT_EM = 2.524;

/** The reserved min-height: a little under the drawn form, so it only ever grows into place. */
export function reservedEm(settings: Pick<LoaderSettings, 'fields' | 'consent'>): number {
  const { fields } = settings;
  // The phone is two fields: the country and the number.
  const count = fields.length + (fields.includes('phone') ? 1 : 0);
  const em =
    FRAME_EM +
    count * FIELD_EM +
    (fields.includes('message') ? MESSAGE_EXTRA_EM : 0) +
    (settings.consent ? CONSENT_EM : 0);
  return Math.floor(em * 100) / 100;
}
