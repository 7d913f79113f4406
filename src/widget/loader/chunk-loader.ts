// Fetches the form chunk: a classic <script> from the loader's own folder (so self-hosting and
// the relay's /eleapi-leads.js both work, and CSP script-src 'self' allows it). The chunk
// announces itself with FORM_CHUNK_EVENT on document (form-seam.ts); no second global.
import { FORM_CHUNK_EVENT, type FormChunk } from '../form-seam.ts';

export type LoadChunk = () => Promise<FormChunk>;

/** Loads `url` once per call; rejects when it fails to load or does not register. */
export function scriptChunk(doc: Document, url: string): LoadChunk {
  return () =>
    new Promise((resolve, reject) => {
      let chunk: FormChunk | undefined;
      const heard = (event: Event) => {
        chunk = (event as CustomEvent<FormChunk>).detail;
      };
      const script = doc.createElement('script');
      const settle = () => {
        doc.removeEventListener(FORM_CHUNK_EVENT, heard);
        // The element has done its job: nothing of the widget stays outside its own element.
        script.remove();
        if (chunk) resolve(chunk);
        else reject(new Error(`the form (${url}) did not load`));
      };
      doc.addEventListener(FORM_CHUNK_EVENT, heard);
      script.src = url;
      script.onload = settle;
      script.onerror = settle;
      doc.head.append(script);
    });
}
