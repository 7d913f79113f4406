// The form chunk's entry: dist/eleapi-leads.form.<hash>.js, a classic script the loader adds.
// It registers itself with the loader through the seam's event and defines no global.
import { withAutoOpen } from '../auto-open.ts';
import { FORM_CHUNK_EVENT, type FormChunk } from '../form-seam.ts';
import { createProver } from '../pow/prover.ts';
import { withSuccessUrl } from '../success-url.ts';
import { urlPrefill } from '../url-prefill.ts';
import { mountForm } from './mount.tsx';
import { parsePrefill } from './prefill.ts';
import { prefillFromUrl } from './url-prefill-values.ts';

const chunk: FormChunk = {
  mount: withSuccessUrl(withAutoOpen(mountForm)),
  parsePrefill,
  prefillFromUrl: urlPrefill(prefillFromUrl),
  prover: ({ relayUrl, botId, customerId }) =>
    createProver({
      relayUrl,
      pair: { botId, customerId },
      fetch: (input, init) => fetch(input, init),
      now: Date.now,
    }),
};
document.dispatchEvent(new CustomEvent(FORM_CHUNK_EVENT, { detail: chunk }));
