// A real HTTP stand-in for eleapi's upsert that counts PUTs per uuid and answers as told:
// 200, 503, or never (the request hangs until the server closes).
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StubMode = 'ok' | 'down' | 'hang';

export interface StubEleapi {
  url: string;
  mode: StubMode;
  /** PUTs received per uuid, whatever was answered. */
  puts: Map<string, number>;
  /** uuids answered 200. */
  delivered: Set<string>;
  close(): Promise<void>;
}

export async function startStubEleapi(mode: StubMode = 'ok'): Promise<StubEleapi> {
  const hanging = new Set<ServerResponse>();
  const stub: StubEleapi = {
    url: '',
    mode,
    puts: new Map(),
    delivered: new Set(),
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => {
      text += chunk;
    });
    request.on('end', () => {
      const uuid = String((JSON.parse(text || '{}') as { uuid?: unknown }).uuid);
      stub.puts.set(uuid, (stub.puts.get(uuid) ?? 0) + 1);
      if (stub.mode === 'hang') {
        hanging.add(response);
        return;
      }
      const ok = stub.mode === 'ok';
      if (ok) stub.delivered.add(uuid);
      response.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ success: ok, message: ok ? 'ok' : 'down', code: ok ? 200 : 503 }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return stub;
}
