// The form chunk's entry: dist/eleapi-leads.form.<hash>.js, a classic script the loader adds.
// It registers itself with the loader through the seam's event and defines no global.
import { withAutoOpen } from '../auto-open.ts';
import { FORM_CHUNK_EVENT, type FormChunk } from '../form-seam.ts';
import { createProver, SLICE_MS } from '../pow/prover.ts';
import { withSuccessUrl } from '../success-url.ts';
import { urlPrefill } from '../url-prefill.ts';
import { pieceLoader } from './beside-chunk.ts';
import { localeTexts } from './locale-texts.ts';
import { mountForm } from './mount.tsx';
import { parsePrefill } from './prefill.ts';
import { prefillFromUrl } from './url-prefill-values.ts';

// The locale files and the pieces sit next to the chunk, named after it: its own URL while this
// script runs. A piece is fetched only when the page uses it (pieces/piece-file.ts).
const self = document.currentScript as HTMLScriptElement | null;
const texts = localeTexts(document, self?.src ?? '');
const pieces = pieceLoader(document, self?.src ?? '');

// The task after the next frame, or 100 ms at most: a hidden tab draws no frames. The loader's
// afterPaint does the same with a cancel; the chunk needs none, and sharing it costs 57 B.
const afterNextFrame = () =>
  new Promise<void>((settle) => {
    requestAnimationFrame(() => setTimeout(settle));
    setTimeout(settle, 100);
  });

const chunk: FormChunk = {
  mount: withSuccessUrl(
    withAutoOpen(
      (options) => mountForm(options, texts, pieces),
      () => pieces('open'),
    ),
  ),
  parsePrefill,
  prefillFromUrl: urlPrefill(prefillFromUrl),
  prover: ({ relayUrl, botId, customerId }) =>
    createProver({
      relayUrl,
      pair: { botId, customerId },
      fetch: (input, init) => fetch(input, init),
      now: Date.now,
      solve: async (challenge) => (await pieces('pow'))(challenge, { sliceMs: SLICE_MS }),
      settled: afterNextFrame,
    }),
};
document.dispatchEvent(new CustomEvent(FORM_CHUNK_EVENT, { detail: chunk }));
