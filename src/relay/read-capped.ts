// Reads an upstream answer up to a size, then stops: a huge or endless answer costs no memory.

/** An upsert's answer is a small envelope. */
export const ANSWER_CAP_BYTES = 64 * 1024;
/** A listing page holds 20 chats, each with all its notes (up to 2,000 characters each). */
export const LISTING_CAP_BYTES = 4 * 1024 * 1024;

export type CappedText = { ok: true; text: string } | { ok: false; error: string };

/** The body as text, or an error naming the cap once it passes `capBytes` (the rest is dropped). */
export async function readCapped(response: Response, capBytes: number): Promise<CappedText> {
  if (!response.body) return { ok: true, text: '' };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { ok: true, text: text + decoder.decode() };
    bytes += value.byteLength;
    if (bytes > capBytes) {
      await reader.cancel();
      return { ok: false, error: `the answer is larger than ${capBytes} bytes; dropped unread` };
    }
    text += decoder.decode(value, { stream: true });
  }
}
