// `eleapi-relay export`: every chat of one bot from the eleapi listing, as CSV or JSON lines on
// stdout, with progress on stderr. Exit codes: 0 done, 1 the API failed, 2 bad arguments/env.
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { createEleapiClient, type EleapiClient, EleapiError } from '../relay/eleapi-client.ts';
import { csvHeader, csvRow, flattenChat } from '../shared/chat-record.ts';
import { type Chat, DEFAULT_ELEAPI_API_URL } from '../shared/eleapi-api.ts';
import { ID_PATTERN } from '../shared/lead-fields.ts';

export interface ExportIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  fetch?: typeof fetch;
}

export const EXPORT_USAGE = `Usage: eleapi-relay export --bot-id ID --customer-id ID [--type lead|non-lead] [--format csv|jsonl] [--max-pages N]
  Writes every chat of the bot to stdout (UTF-8 CSV with a BOM and a header row, or one JSON chat per line).
  Env: ELEAPI_LIST_TOKEN or ELEAPI_TOKEN (required), ELEAPI_API_URL (default ${DEFAULT_ELEAPI_API_URL}).`;

const argsSchema = z.object({
  'bot-id': z
    .string('--bot-id is required')
    .check(z.regex(ID_PATTERN, '--bot-id must be letters, digits, "_" or "-"')),
  'customer-id': z
    .string('--customer-id is required')
    .check(z.regex(ID_PATTERN, '--customer-id must be letters, digits, "_" or "-"')),
  type: z._default(z.enum(['lead', 'non-lead'], '--type must be "lead" or "non-lead"'), 'lead'),
  format: z._default(z.enum(['csv', 'jsonl'], '--format must be "csv" or "jsonl"'), 'csv'),
  'max-pages': z._default(
    z
      .string()
      .check(z.regex(/^[1-9]\d{0,5}$/, '--max-pages must be a whole number from 1 to 999999')),
    '10000',
  ),
});

const envSchema = z.object({
  ELEAPI_API_URL: z._default(
    z.url({ protocol: /^https?$/, error: 'ELEAPI_API_URL must be an http(s) URL' }),
    DEFAULT_ELEAPI_API_URL,
  ),
  token: z
    .string('ELEAPI_LIST_TOKEN or ELEAPI_TOKEN must be set to the eleapi API token')
    .check(z.minLength(1, 'ELEAPI_LIST_TOKEN or ELEAPI_TOKEN must be set to the eleapi API token')),
});

export async function runExport(
  args: string[],
  env: NodeJS.ProcessEnv,
  io: ExportIo,
): Promise<number> {
  const say = (line: string) => io.stderr.write(`${line}\n`);
  let flags: Record<string, string | boolean | undefined>;
  try {
    flags = parseArgs({
      args,
      options: {
        'bot-id': { type: 'string' },
        'customer-id': { type: 'string' },
        type: { type: 'string' },
        format: { type: 'string' },
        'max-pages': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    say(`export: ${(error as Error).message}\n${EXPORT_USAGE}`);
    return 2;
  }
  if (flags.help) {
    io.stdout.write(`${EXPORT_USAGE}\n`);
    return 0;
  }
  const parsedArgs = argsSchema.safeParse(flags);
  const parsedEnv = envSchema.safeParse({
    ELEAPI_API_URL: env.ELEAPI_API_URL || undefined,
    token: env.ELEAPI_LIST_TOKEN || env.ELEAPI_TOKEN || undefined,
  });
  const problems = [parsedArgs, parsedEnv].flatMap((r) =>
    r.success ? [] : r.error.issues.map((issue) => issue.message),
  );
  if (!parsedArgs.success || !parsedEnv.success) {
    say(`export: ${problems.join('\n  ')}\n${EXPORT_USAGE}`);
    return 2;
  }
  const options = parsedArgs.data;
  const client = createEleapiClient({
    baseUrl: parsedEnv.data.ELEAPI_API_URL,
    upsertToken: parsedEnv.data.token,
    listToken: parsedEnv.data.token,
    ...(io.fetch ? { fetch: io.fetch } : {}),
    timeoutMs: 30_000,
  });
  // A closed pipe (`… | head`) surfaces through the write callbacks; without a listener
  // the stream's 'error' event would crash the process instead.
  const ignore = () => undefined;
  io.stdout.on('error', ignore);
  try {
    return await exportPages(client, options, (text) => writeAll(io.stdout, text), say);
  } catch (error) {
    say(`export: cannot write the output (${(error as Error).message})`);
    return 1;
  } finally {
    io.stdout.off('error', ignore);
  }
}

type ExportOptions = z.output<typeof argsSchema>;

async function exportPages(
  client: EleapiClient,
  options: ExportOptions,
  write: (text: string) => Promise<void>,
  say: (line: string) => void,
): Promise<number> {
  if (options.format === 'csv') await write(csvHeader());
  const maxPages = Number(options['max-pages']);
  const seen = new Set<string>();
  let previousIds = '';
  let total = 0;
  for (let page = 1; page <= maxPages; page++) {
    let data: Chat[];
    try {
      ({ data } = await client.listChats({
        botId: options['bot-id'],
        customerId: options['customer-id'],
        page,
        type: options.type,
      }));
    } catch (error) {
      if (!(error instanceof EleapiError)) throw error;
      say(`export: page ${page}: ${error.message}`);
      return 1;
    }
    if (data.length === 0) {
      say(`done: ${total} records from ${page - 1} page(s)`);
      return 0;
    }
    const ids = data.map((chat) => chat._id).join(',');
    // An API that ignores `page` would loop forever; a repeated page is that signal.
    if (ids === previousIds) {
      say(
        `export: page ${page} repeats page ${page - 1}; the API seems to ignore paging, stopping`,
      );
      return 1;
    }
    previousIds = ids;
    // Newest-first pages shift when chats arrive mid-export; skip the ones already written.
    const fresh = data.filter((chat) => !seen.has(chat._id));
    for (const chat of fresh) {
      seen.add(chat._id);
      await write(
        options.format === 'csv' ? csvRow(flattenChat(chat)) : `${JSON.stringify(chat)}\n`,
      );
    }
    total += fresh.length;
    const skipped = data.length - fresh.length;
    say(`page ${page}: ${fresh.length} records${skipped ? ` (${skipped} already written)` : ''}`);
  }
  say(`export: stopped after --max-pages ${maxPages} pages without reaching an empty page`);
  return 1;
}

/** Writes and waits for the stream to drain, so a slow pipe does not buffer the whole export. */
function writeAll(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      stream.off('drain', done);
      reject(error);
    };
    const done = () => {
      stream.off('error', fail);
      resolve();
    };
    if (stream.write(text, (error) => error && fail(error))) return done();
    stream.once('drain', done);
    stream.once('error', fail);
  });
}
