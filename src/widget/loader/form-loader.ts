// The form chunk's life in the loader: fetched once, on idle or on intent, whichever comes
// first; after a failure the next intent tries again. Calls made before it arrives wait for it.
import type { FormChunk } from '../form-seam.ts';
import type { LoadChunk } from './chunk-loader.ts';

/** Starts the fetch unless it is under way or done; after a failure, the next call retries. */
export function createFormLoader(load: LoadChunk): () => Promise<FormChunk> {
  let loading: Promise<FormChunk> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
