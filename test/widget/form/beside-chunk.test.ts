// The loader of the files beside the form chunk (form/beside-chunk.ts): one <script> per piece,
// named after the chunk, what it announced handed over, the script removed, a failure named and
// tried again on the next ask.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pieceLoader } from '../../../src/widget/form/beside-chunk.ts';
import { PIECE_EVENT } from '../../../src/widget/pieces/piece-file.ts';

const CHUNK = 'https://cdn.example/js/eleapi-leads.form.0a1b2c3d4e.js';

/** Stands in for the browser: each appended script "runs" `announce` for its URL, then loads or fails. */
function servePieces(announce: (url: string) => [string, unknown] | 'error' | 'silent') {
  const added: string[] = [];
  const removed: string[] = [];
  // Kept out of the document: happy-dom would try to fetch it.
  vi.spyOn(document.head, 'append').mockImplementation((...nodes) => {
    const script = nodes[0] as HTMLScriptElement;
    script.remove = () => void removed.push(script.src);
    added.push(script.src);
    const answer = announce(script.src);
    queueMicrotask(() => {
      if (Array.isArray(answer)) {
        document.dispatchEvent(new CustomEvent(PIECE_EVENT, { detail: answer }));
      }
      (answer === 'error' ? script.onerror : script.onload)?.call(script, new Event('load'));
    });
  });
  return { added, removed };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('pieceLoader', () => {
  it('adds one script beside the chunk per piece and hands over what it announced', async () => {
    const solve = async () => 'payload';
    const { added, removed } = servePieces(() => ['pow', solve]);
    const load = pieceLoader(document, CHUNK);
    const [first, second] = await Promise.all([load('pow'), load('pow')]);
    expect(first).toBe(solve);
    expect(second).toBe(solve);
    expect(added).toEqual(['https://cdn.example/js/eleapi-leads.form.0a1b2c3d4e.pow.js']);
    // Nothing of the widget stays outside its element.
    expect(removed).toEqual(added);
    // Asked again later: the same piece, no second script.
    expect(await load('pow')).toBe(solve);
    expect(added).toHaveLength(1);
  });

  it('ignores what another file announces while its piece loads', async () => {
    servePieces(() => ['open', { other: true }]);
    await expect(pieceLoader(document, CHUNK)('fields')).rejects.toThrow(
      'the form\'s "fields" file (https://cdn.example/js/eleapi-leads.form.0a1b2c3d4e.fields.js) did not load',
    );
  });

  it('rejects naming the file when it fails to load or announces nothing, and tries again on the next ask', async () => {
    let reply: 'error' | 'silent' | ['fields', unknown] = 'error';
    const read = () => [];
    const { added, removed } = servePieces(() => reply);
    const load = pieceLoader(document, CHUNK);
    await expect(load('fields')).rejects.toThrow('.fields.js) did not load');
    reply = 'silent';
    await expect(load('fields')).rejects.toThrow('did not load');
    reply = ['fields', read];
    expect(await load('fields')).toBe(read);
    expect(added).toHaveLength(3);
    expect(removed).toEqual(added);
  });
});
