// The leads page's backend: /admin/* calls the relay's admin endpoints and adds the bearer
// token here, server-side, the way a site owner's own backend would. The browser never sees it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod/mini';
import {
  CHAT_RECORD_COLUMNS,
  type ChatRecord,
  flattenChat,
  toCsv,
} from '../src/shared/chat-record.ts';
import { chatSchema } from '../src/shared/eleapi-api.ts';
import { RequestError, readJson, send, sendJson } from './http-helpers.ts';

export interface AdminProxyOptions {
  relayUrl: string;
  adminToken: string;
  fetch: typeof fetch;
}

// The relay's admin listing: `{ ok, page, data }` with data as the eleapi listing's chats.
const adminListing = z.object({ data: z.array(chatSchema) });

// Bounds the walk for the CSV and the total: a listing that never ends must not hang either.
const MAX_CSV_PAGES = 200;

export function createAdminProxy(options: AdminProxyOptions) {
  async function relay(path: string, init: RequestInit = {}): Promise<unknown> {
    let response: Response;
    try {
      response = await options.fetch(`${options.relayUrl}${path}`, {
        ...init,
        headers: { ...init.headers, authorization: `Bearer ${options.adminToken}` },
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new RequestError(502, `the relay did not answer ${path}: ${(error as Error).message}`);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const message = (body as { message?: unknown } | undefined)?.message;
      const why = typeof message === 'string' ? message : `status ${response.status}`;
      throw new RequestError(502, `the relay refused ${path}: ${why}`);
    }
    return body;
  }

  async function leadsPage(page: number): Promise<ChatRecord[]> {
    const body = await relay(`/v1/leads?page=${page}&type=lead`);
    const parsed = adminListing.safeParse(body);
    if (!parsed.success)
      throw new RequestError(502, 'the relay answered a listing of an unknown shape');
    return parsed.data.data.map(flattenChat);
  }

  async function leads(url: URL, res: ServerResponse): Promise<void> {
    const page = pageOf(url);
    // The listing has no total: peeking at the next page tells the pager whether to go on.
    const [rows, next] = await Promise.all([leadsPage(page), leadsPage(page + 1)]);
    sendJson(res, 200, { page, rows, hasMore: next.length > 0 });
  }

  async function allLeads(): Promise<ChatRecord[]> {
    const rows: ChatRecord[] = [];
    for (let page = 1; page <= MAX_CSV_PAGES; page++) {
      const found = await leadsPage(page);
      if (found.length === 0) break;
      rows.push(...found);
    }
    return rows;
  }

  async function leadsCsv(res: ServerResponse): Promise<void> {
    const rows = await allLeads();
    send(res, 200, toCsv(rows), {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="leads.csv"',
      'x-columns': CHAT_RECORD_COLUMNS.join(','),
    });
  }

  async function outbox(url: URL, res: ServerResponse): Promise<void> {
    const state = url.searchParams.get('state') ?? 'pending';
    if (state !== 'pending' && state !== 'dead') {
      throw new RequestError(400, 'state must be "pending" or "dead"');
    }
    sendJson(res, 200, await relay(`/v1/outbox?state=${state}`));
  }

  async function retry(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = (await readJson(req)) ?? {};
    const answer = await relay('/v1/outbox/retry', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    sendJson(res, 200, answer);
  }

  return async function handleAdmin(
    req: IncomingMessage,
    url: URL,
    res: ServerResponse,
  ): Promise<void> {
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /admin/leads') return leads(url, res);
    if (route === 'GET /admin/leads.csv') return leadsCsv(res);
    if (route === 'GET /admin/leads/total') {
      return sendJson(res, 200, { total: (await allLeads()).length });
    }
    if (route === 'GET /admin/outbox') return outbox(url, res);
    if (route === 'POST /admin/outbox/retry') return retry(req, res);
    throw new RequestError(404, `no admin route for ${route}`);
  };
}

function pageOf(url: URL): number {
  const raw = url.searchParams.get('page') ?? '1';
  if (!/^[1-9]\d{0,5}$/.test(raw))
    throw new RequestError(400, 'page must be a whole number from 1');
  return Number(raw);
}
