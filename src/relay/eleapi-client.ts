// The eleapi API client: the only code that holds the tokens and talks to the vendor.
import {
  apiEnvelopeSchema,
  LIST_CHATS_PATH,
  LIST_TOKEN_HEADER,
  type ListChatsResponse,
  listChatsQuerySchema,
  listChatsResponseSchema,
  UPSERT_LEAD_PATH,
  UPSERT_TOKEN_HEADER,
  type UpsertLeadBody,
  upsertLeadBodySchema,
} from '../shared/eleapi-api.ts';
import { describeIssues } from '../shared/field-issues.ts';
import { parseJsonOr } from '../shared/parse-json.ts';
import { parseRetryAfter } from './backoff.ts';
import { ANSWER_CAP_BYTES, LISTING_CAP_BYTES, readCapped } from './read-capped.ts';
import { secretRedactor } from './redact-secrets.ts';

export interface EleapiClientOptions {
  baseUrl: string;
  upsertToken: string;
  listToken: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Clock for HTTP-date `Retry-After` values; defaults to Date.now. */
  now?: () => number;
}

export type UpsertOutcome =
  | { ok: true; status: number }
  | {
      ok: false;
      retryable: boolean;
      status?: number;
      retryAfterMs?: number;
      error: string;
      /** The upstream's answer body (clipped), kept for dead letters. */
      answer?: string;
    };

export interface EleapiClient {
  /** Never throws: failures come back as outcomes (network/timeout/408/429/5xx retryable). */
  upsertLead(body: UpsertLeadBody): Promise<UpsertOutcome>;
  /** Throws EleapiError whose message names the call and why (status, invalid shape, timeout). */
  listChats(query: {
    botId: string;
    customerId: string;
    page: number;
    type: 'lead' | 'non-lead';
  }): Promise<ListChatsResponse>;
}

export class EleapiError extends Error {
  readonly call: 'upsertLead' | 'listChats';
  readonly status: number | undefined;
  constructor(call: 'upsertLead' | 'listChats', message: string, status?: number) {
    super(`eleapi ${call} failed: ${message}`);
    this.name = 'EleapiError';
    this.call = call;
    this.status = status;
  }
}

const ANSWER_LIMIT = 1000;

/** 408, 429 and 5xx are worth retrying; other statuses will answer the same again. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause =
    error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `network error (${error instanceof Error ? error.message : String(error)}${cause})`;
}

/**
 * Creates the client. Redirects are not followed: fetch would replay the token header to
 * wherever the redirect points (it only strips `Authorization`).
 */
export function createEleapiClient(options: EleapiClientOptions): EleapiClient {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? Date.now;
  const base = options.baseUrl.replace(/\/+$/, '');
  // An upstream that echoes the request would put a token into kept answers and errors.
  const scrub = secretRedactor([options.upsertToken, options.listToken]);

  async function upsertLead(body: UpsertLeadBody): Promise<UpsertOutcome> {
    const checked = upsertLeadBodySchema.safeParse(body);
    if (!checked.success) {
      return {
        ok: false,
        retryable: false,
        error: `invalid lead: ${describeIssues(checked.error, 3)}`,
      };
    }
    let response: Response;
    let read: Awaited<ReturnType<typeof readCapped>>;
    try {
      response = await doFetch(`${base}${UPSERT_LEAD_PATH}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', [UPSERT_TOKEN_HEADER]: options.upsertToken },
        body: JSON.stringify(checked.data),
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      read = await readCapped(response, ANSWER_CAP_BYTES);
    } catch (error) {
      return { ok: false, retryable: true, error: describeFailure(error, timeoutMs) };
    }
    const status = response.status;
    if (!read.ok) {
      // The status still tells whether to retry; the answer itself is not kept.
      return {
        ok: false,
        retryable: isRetryableStatus(status),
        status,
        error: `upstream answered ${status}, but ${read.error}`,
      };
    }
    const text = read.text;
    const answer = scrub(text).slice(0, ANSWER_LIMIT);
    if (status < 200 || status >= 300) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
      return {
        ok: false,
        retryable: isRetryableStatus(status),
        status,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        error: `upstream answered ${status}`,
        answer,
      };
    }
    const envelope = apiEnvelopeSchema.safeParse(parseJsonOr(text, undefined));
    if (!envelope.success) {
      return {
        ok: false,
        retryable: false,
        status,
        error: `upstream answered ${status} without the documented {success,message,code} body`,
        answer,
      };
    }
    if (!envelope.data.success) {
      return {
        ok: false,
        retryable: isRetryableStatus(envelope.data.code),
        status,
        // The upstream's message may echo the lead: it stays in `answer`, out of log lines.
        error: `upstream answered ${status} with success:false (code ${envelope.data.code})`,
        answer,
      };
    }
    return { ok: true, status };
  }

  async function listChats(query: Parameters<EleapiClient['listChats']>[0]) {
    const fail = (message: string, status?: number) =>
      new EleapiError('listChats', message, status);
    const checked = listChatsQuerySchema.safeParse({ ...query, page: String(query.page) });
    if (!checked.success) throw fail(`invalid query: ${describeIssues(checked.error, 3)}`);
    const url = `${base}${LIST_CHATS_PATH}?${new URLSearchParams(checked.data)}`;
    let response: Response;
    let read: Awaited<ReturnType<typeof readCapped>>;
    try {
      response = await doFetch(url, {
        headers: { accept: 'application/json', [LIST_TOKEN_HEADER]: options.listToken },
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      read = await readCapped(response, LISTING_CAP_BYTES);
    } catch (error) {
      throw fail(describeFailure(error, timeoutMs));
    }
    const status = response.status;
    if (!read.ok) throw fail(`upstream answered ${status}, but ${read.error}`, status);
    const text = read.text;
    if (status < 200 || status >= 300) {
      throw fail(`upstream answered ${status}: ${scrub(text).slice(0, 200)}`, status);
    }
    const json = parseJsonOr(text, undefined);
    const envelope = apiEnvelopeSchema.safeParse(json);
    if (envelope.success && !envelope.data.success) {
      throw fail(
        `upstream answered ${status} with success:false (code ${envelope.data.code}: ${scrub(envelope.data.message).slice(0, 200)})`,
        status,
      );
    }
    const listing = listChatsResponseSchema.safeParse(json);
    if (!listing.success) {
      throw fail(
        `upstream listing has an unexpected shape (${describeIssues(listing.error, 3)})`,
        status,
      );
    }
    return listing.data;
  }

  return { upsertLead, listChats };
}
