// A raw TCP client for HTTP tests that must send a request byte by byte (slow clients, requests
// caught half-sent by a shutdown).
import { connect } from 'node:net';

export interface RawSocket {
  write(text: string): void;
  /** Everything the server sent, once it closed the socket (reset included). */
  closed: Promise<{ text: string; error?: string }>;
}

export async function openRawSocket(url: string): Promise<RawSocket> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let text = '';
  socket.on('data', (chunk) => {
    text += chunk;
  });
  let error: string | undefined;
  socket.on('error', (e: NodeJS.ErrnoException) => {
    error = e.code ?? e.message;
  });
  const closed = new Promise<{ text: string; error?: string }>((resolve) =>
    socket.once('close', () => resolve(error === undefined ? { text } : { text, error })),
  );
  return { write: (chunk) => socket.write(chunk), closed };
}

/** The head of a lead POST up to the blank line, for a body of `length` bytes. */
export function leadRequestHead(origin: string, length: number): string {
  return [
    'POST /v1/leads HTTP/1.1',
    'Host: relay.test',
    'Content-Type: application/json',
    `Origin: ${origin}`,
    `Content-Length: ${length}`,
    '',
    '',
  ].join('\r\n');
}
