// The form chunk as the loader sees it in unit tests: the test's own mount, the chunk's real
// prefill parsers, and a prover for a relay with proof of work off unless the test gives one.
import { parsePrefill } from '../../../src/widget/form/prefill.ts';
import { prefillFromUrl } from '../../../src/widget/form/url-prefill-values.ts';
import type { FormChunk } from '../../../src/widget/form-seam.ts';

export const fakeChunk = (
  mount: FormChunk['mount'],
  prover: FormChunk['prover'] = () => ({ prepare() {}, prove: async (body) => body }),
): FormChunk => ({ mount, parsePrefill, prefillFromUrl, prover });
