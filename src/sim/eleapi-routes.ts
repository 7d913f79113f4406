// The two eleapi endpoints, as the vendor page describes them.
import { Hono } from 'hono';
import {
  LIST_CHATS_PATH,
  LIST_TOKEN_HEADER,
  listChatsQuerySchema,
  UPSERT_LEAD_PATH,
  UPSERT_TOKEN_HEADER,
  upsertLeadBodySchema,
} from '../shared/eleapi-api.ts';
import { describeIssues } from '../shared/field-issues.ts';
import { toListedChat } from './chat-view.ts';
import { envelope } from './envelope.ts';
import { type FaultDeps, faults } from './faults.ts';
import { SIM_PAGE_SIZE } from './sim-config.ts';
import type { SimState } from './sim-state.ts';

const QUERY_RULES: Record<string, string> = {
  botId: 'botId must be a non-empty string',
  customerId: 'customerId must be a non-empty string',
  page: 'page must be a whole number from 1',
  type: 'type must be "lead" or "non-lead"',
};

export function eleapiRoutes(state: SimState, tokens: TokenPair, deps: FaultDeps): Hono {
  const app = new Hono();

  app.put(UPSERT_LEAD_PATH, faults('upsert', deps), async (c) => {
    const denied = checkToken(
      c.req.header(UPSERT_TOKEN_HEADER),
      tokens.upsert,
      UPSERT_TOKEN_HEADER,
    );
    if (denied) return c.json(envelope(401, denied), 401);
    let json: unknown;
    try {
      json = await c.req.json();
    } catch {
      return c.json(envelope(400, 'body must be a JSON object'), 400);
    }
    const parsed = upsertLeadBodySchema.safeParse(json);
    if (!parsed.success) return c.json(envelope(400, describeIssues(parsed.error)), 400);
    state.recordUpsert(c.req.header(), parsed.data);
    return c.json(envelope(200, 'ok'), 200);
  });

  app.get(LIST_CHATS_PATH, faults('list', deps), (c) => {
    const denied = checkToken(c.req.header(LIST_TOKEN_HEADER), tokens.list, LIST_TOKEN_HEADER);
    if (denied) return c.json(envelope(401, denied), 401);
    const query = c.req.query();
    const missing = Object.keys(QUERY_RULES).filter((name) => query[name] === undefined);
    if (missing.length > 0) {
      const message = missing.map((name) => `query parameter ${name} is required`).join('; ');
      return c.json(envelope(400, message), 400);
    }
    const parsed = listChatsQuerySchema.safeParse(query);
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
      const message = [...fields].map((name) => QUERY_RULES[name] ?? name).join('; ');
      return c.json(envelope(400, message), 400);
    }
    const { page, ...filter } = parsed.data;
    const start = (Number(page) - 1) * SIM_PAGE_SIZE;
    const data = state.store
      .list(filter)
      .slice(start, start + SIM_PAGE_SIZE)
      .map(toListedChat);
    return c.json({ success: true, message: 'ok', data, code: 200 }, 200);
  });

  return app;
}

export interface TokenPair {
  upsert: string;
  list: string;
}

function checkToken(given: string | undefined, expected: string, header: string): string | null {
  if (given === undefined || given === '') return `${header} header is required`;
  return given === expected ? null : `${header} is not a valid token`;
}
