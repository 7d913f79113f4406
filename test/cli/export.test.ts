import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runExport } from '../../src/cli/export.ts';
import { CHAT_RECORD_COLUMNS } from '../../src/shared/chat-record.ts';
import { chatSchema } from '../../src/shared/eleapi-api.ts';
import { type StartedSim, startSim } from '../_util/sim/start-sim.ts';

function sink() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  const bytes = () => Buffer.concat(chunks);
  return { stream, bytes, text: () => bytes().toString('utf8') };
}

let sim: StartedSim;
beforeEach(async () => {
  sim = await startSim({ token: 'tok', seed: { count: 25, botId: 'bot1', customerId: 'cust1' } });
});
afterEach(() => sim.close());

async function exportWith(args: string[], env: NodeJS.ProcessEnv = {}, fetcher?: typeof fetch) {
  const out = sink();
  const err = sink();
  const code = await runExport(
    args,
    { ELEAPI_API_URL: sim.url, ELEAPI_TOKEN: 'tok', ...env },
    { stdout: out.stream, stderr: err.stream, ...(fetcher ? { fetch: fetcher } : {}) },
  );
  return { code, stdout: out.text(), stdoutBytes: out.bytes(), stderr: err.text() };
}

const IDS = ['--bot-id', 'bot1', '--customer-id', 'cust1'];

async function putLead(body: Record<string, unknown>) {
  const res = await fetch(`${sim.url}/inbox/direct/lead`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-bp-token': 'tok' },
    body: JSON.stringify({ botId: 'bot1', customerId: 'cust1', ...body }),
  });
  expect(res.status).toBe(200);
}

describe('eleapi-relay export', () => {
  it('writes every lead of every page as CSV with a header row, and progress on stderr', async () => {
    const { code, stdout, stderr } = await exportWith([...IDS, '--format', 'csv']);
    expect(code).toBe(0);
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe(`\uFEFF${CHAT_RECORD_COLUMNS.join(',')}`);
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + 25 + 1);
    expect(stderr).toBe('page 1: 20 records\npage 2: 5 records\ndone: 25 records from 2 page(s)\n');
  });

  it('starts the CSV with the UTF-8 BOM and writes names and notes as UTF-8 ("Jonas Müller")', async () => {
    await putLead({
      uuid: 'umlaut-1',
      name: 'Jonas Müller',
      email: 'jonas@example.com',
      notes: [{ title: 'Message', description: 'Bitte rufen Sie mich an, grüße!' }],
    });
    const { code, stdoutBytes } = await exportWith([...IDS, '--format', 'csv']);
    expect(code).toBe(0);
    expect([...stdoutBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(stdoutBytes).split('\r\n');
    const row = lines.find((line) => line.startsWith('umlaut-1,')) ?? '';
    expect(row.split(',')[1]).toBe('Jonas Müller');
    // The notes cell, quoted for its comma, where the header says notes are.
    const notesAt = CHAT_RECORD_COLUMNS.indexOf('notes');
    expect(
      row
        .split(',')
        .slice(notesAt, notesAt + 2)
        .join(','),
    ).toBe('"Message: Bitte rufen Sie mich an, grüße!"');
  });

  it('writes one raw chat per line as JSONL', async () => {
    const { code, stdout } = await exportWith([...IDS, '--format', 'jsonl']);
    expect(code).toBe(0);
    const chats = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(chats).toHaveLength(25);
    for (const chat of chats) expect(chatSchema.safeParse(chat).success).toBe(true);
    expect(new Set(chats.map((c) => c.uuid)).size).toBe(25);
  });

  it('exports the contact-less chats with --type non-lead', async () => {
    const { code, stdout } = await exportWith([...IDS, '--type', 'non-lead', '--format', 'jsonl']);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(5);
  });

  it('quotes and defuses cells a spreadsheet would run', async () => {
    await putLead({
      uuid: 'evil-1',
      name: '=HYPERLINK("http://x")',
      email: 'a@example.com',
      tags: ['a,b', '@home'],
      attributes: [{ key: 'note', value: 'line1\nline2' }],
    });
    const { stdout } = await exportWith(IDS);
    const row = stdout.split('\r\n').find((line) => line.startsWith('evil-1,'));
    expect(row).toContain(`,"'=HYPERLINK(""http://x"")",a@example.com,`);
    expect(row).toContain(',"a,b;@home","note=line1\nline2",');
  });

  it('skips chats a shifting page shows twice when leads arrive mid-export', async () => {
    let calls = 0;
    const arriving: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (++calls === 1) await putLead({ uuid: 'new-1', name: 'New' });
      return res;
    };
    const { code, stdout, stderr } = await exportWith([...IDS, '--format', 'jsonl'], {}, arriving);
    expect(code).toBe(0);
    expect(stderr).toContain('page 2: 5 records (1 already written)');
    expect(stdout.trimEnd().split('\n')).toHaveLength(25);
  });

  it('fails when a page repeats the previous one, instead of looping forever', async () => {
    const samePage: typeof fetch = (input, init) =>
      fetch(String(input).replace(/page=\d+/, 'page=1'), init);
    const { code, stderr } = await exportWith(IDS, {}, samePage);
    expect(code).toBe(1);
    expect(stderr).toContain('page 2 repeats page 1');
  });

  it('fails after --max-pages pages without an empty one', async () => {
    const { code, stderr } = await exportWith([...IDS, '--max-pages', '1']);
    expect(code).toBe(1);
    expect(stderr).toContain('stopped after --max-pages 1 pages');
  });

  it('prefers ELEAPI_LIST_TOKEN and reports a refused token with the status', async () => {
    expect((await exportWith(IDS, { ELEAPI_TOKEN: 'wrong', ELEAPI_LIST_TOKEN: 'tok' })).code).toBe(
      0,
    );
    const refused = await exportWith(IDS, { ELEAPI_TOKEN: 'wrong' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('page 1: eleapi listChats failed: upstream answered 401');
  });

  it('exits 2 naming the token variables when no token is set', async () => {
    const { code, stderr } = await exportWith(IDS, { ELEAPI_TOKEN: '' });
    expect(code).toBe(2);
    expect(stderr).toContain('ELEAPI_LIST_TOKEN or ELEAPI_TOKEN must be set');
  });

  it.each([
    [['--customer-id', 'c'], '--bot-id is required'],
    [[...IDS, '--type', 'all'], '--type must be "lead" or "non-lead"'],
    [[...IDS, '--format', 'xlsx'], '--format must be "csv" or "jsonl"'],
    [[...IDS, '--max-pages', '0'], '--max-pages must be a whole number'],
    [['--bot-id', 'a b', '--customer-id', 'c'], '--bot-id must be letters, digits'],
    [[...IDS, '--page', '2'], "'--page'"],
  ])('exits 2 for %j, naming the flag', async (args, message) => {
    const { code, stdout, stderr } = await exportWith(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stdout).toBe('');
  });

  it('exits 2 for an ELEAPI_API_URL that is not http(s)', async () => {
    const { code, stderr } = await exportWith(IDS, { ELEAPI_API_URL: 'ftp://example.com' });
    expect(code).toBe(2);
    expect(stderr).toContain('ELEAPI_API_URL must be an http(s) URL');
  });
});

describe('eleapi-relay export into a closed pipe', () => {
  it('stops with exit 1 and says the output could not be written', async () => {
    let writes = 0;
    const closed = new Writable({
      write(_chunk, _encoding, done) {
        done(++writes > 3 ? Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }) : null);
      },
    });
    const err = sink();
    const code = await runExport(
      IDS,
      { ELEAPI_API_URL: sim.url, ELEAPI_TOKEN: 'tok' },
      {
        stdout: closed,
        stderr: err.stream,
      },
    );
    expect(code).toBe(1);
    expect(err.text()).toContain('export: cannot write the output (write EPIPE)');
  });
});
