// Loads the plain scripts beside the form chunk: the locale files (locale-texts.ts) and the
// pieces (pieces/piece-file.ts). Each is a classic <script> from the chunk's folder (strict CSP
// script-src 'self': no eval, and connect-src may not include the widget's folder) that announces
// [name, value] with one document event, heard only while it loads: no global.
import { PIECE_EVENT, type PieceName, type Pieces } from '../pieces/piece-file.ts';

/** A file's URL: the chunk's own with `.<name>` before `.js` (one hash covers them all). */
export const besideChunk = (chunk: string, name: string): string =>
  `${chunk.slice(0, -3)}.${name}.js`;

/**
 * Adds the script at `url` to `doc` and resolves with the value it announced under `name` on
 * `event`, or undefined when it did not load or announced nothing. The script is removed once
 * it ran: nothing of the widget stays outside its own element.
 */
export function loadBeside(
  doc: Document,
  url: string,
  event: string,
  name: string,
): Promise<unknown> {
  return new Promise((resolve) => {
    let heard: unknown;
    const listen = (announced: Event) => {
      const [from, value] = (announced as CustomEvent<[string, unknown]>).detail;
      if (from === name) heard = value;
    };
    const script = doc.createElement('script');
    const settle = () => {
      doc.removeEventListener(event, listen);
      script.remove();
      resolve(heard);
    };
    doc.addEventListener(event, listen);
    script.src = url;
    script.onload = settle;
    script.onerror = settle;
    doc.head.append(script);
  });
}

/** A piece, fetched once; rejects (naming the file) when it cannot be had. */
export type LoadPiece = <N extends PieceName>(name: N) => Promise<Pieces[N]>;

/**
 * Loads each piece once, beside `chunk` (the chunk's own URL), into `doc`; a failure is tried
 * again on the next ask.
 */
export function pieceLoader(doc: Document, chunk: string): LoadPiece {
  const loaded = new Map<PieceName, Promise<unknown>>();
  return <N extends PieceName>(name: N) => {
    let piece = loaded.get(name);
    if (!piece) {
      const url = besideChunk(chunk, name);
      piece = loadBeside(doc, url, PIECE_EVENT, name).then((value) => {
        if (value) return value;
        loaded.delete(name);
        throw new Error(`the form's "${name}" file (${url}) did not load`);
      });
      loaded.set(name, piece);
    }
    return piece as Promise<Pieces[N]>;
  };
}
