// The form chunk's life in the loader: fetched once, on idle or on intent, whichever comes
// first; after a failure the next intent tries again. Calls made before it arrives wait for it.
import type { FormChunk } from '../form-seam.ts';
import type { LoadChunk } from './chunk-loader.ts';

export interface FormLoader {
  /** Starts the fetch unless it is under way or done; retries after a failure. */
  want(): Promise<FormChunk>;
  failed(): boolean;
}

export function createFormLoader(load: LoadChunk): FormLoader {
  let loading: Promise<FormChunk> | undefined;
  let failed = false;
  return {
    want() {
      if (!loading || failed) {
        failed = false;
        loading = load();
        loading.catch(() => {
          failed = true;
        });
      }
      return loading;
    },
    failed: () => failed,
  };
}
