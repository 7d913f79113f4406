// The form chunk as the loader sees it in unit tests: the test's own mount (with data-open armed
// as the chunk arms it), the chunk's real prefill parsers, and a prover for a relay with proof of work off unless the test gives one.

import { withAutoOpen } from '../../../src/widget/auto-open.ts';
import { parsePrefill } from '../../../src/widget/form/prefill.ts';
import { prefillFromUrl } from '../../../src/widget/form/url-prefill-values.ts';
import type { FormChunk, MountOptions } from '../../../src/widget/form-seam.ts';
import { completeSettings } from '../../../src/widget/form-settings.ts';
import { parseOpenRule, scheduleAutoOpen } from '../../../src/widget/open-schedule.ts';
import { withSuccessUrl } from '../../../src/widget/success-url.ts';
import type { FormCore } from '../../../src/widget/types.ts';
import { urlPrefill } from '../../../src/widget/url-prefill.ts';

export const fakeChunk = (
  mount: FormChunk['mount'],
  prover: FormChunk['prover'] = () => ({ prepare() {}, prove: async (body) => body }),
): FormChunk => ({
  // data-open's piece handed over at once, as if its file had arrived (test/browser covers the fetch).
  mount: withSuccessUrl(withAutoOpen(mount, () => ({ parseOpenRule, scheduleAutoOpen }))),
  parsePrefill,
  prefillFromUrl: urlPrefill(prefillFromUrl),
  prover,
});

/** The loader's core with the settings completed from the tag, as the chunk's mount does. */
export const chunkCore = ({ core, attrs, report }: MountOptions): FormCore => ({
  ...core,
  settings: completeSettings(core.settings, attrs, document, report),
});
