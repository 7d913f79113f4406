import { describe, expect, it } from 'vitest';
import {
  CHAT_RECORD_COLUMNS,
  csvCell,
  csvLine,
  flattenChat,
  toCsv,
} from '../../src/shared/chat-record.ts';
import { type Chat, chatSchema } from '../../src/shared/eleapi-api.ts';
import seedListing from '../fixtures/seed-listing.json' with { type: 'json' };

const sample = chatSchema.parse(seedListing.data[0]);

describe('flattenChat', () => {
  it('flattens the seed sample into one record', () => {
    expect(flattenChat(sample)).toEqual({
      uuid: '7e88d192-9b20-4035-9b68-d4ac3d58a34f',
      name: 'Sample name',
      email: 'Sample email',
      phone_prefix: '91',
      phone_number: 'Sample number',
      city: 'Sample city',
      country: 'Sample country',
      tags: 'Sample tag',
      attributes: 'ID=BP001',
      notes: 'Sample title: Sample description',
      status: 'INPROGRESS',
      created_at: '2023-02-01T05:59:03.533Z',
      updated_at: '2023-02-02T06:46:34.119Z',
      last_seen_at: '2023-02-01T06:00:21.000Z',
    });
  });

  it('gives "" for whatever the chat does not have', () => {
    const bare: Chat = { _id: 'x', uuid: 'u', createdAt: 't', profile: { userDetails: {} } };
    const record = flattenChat(bare);
    expect(Object.keys(record)).toEqual([...CHAT_RECORD_COLUMNS]);
    expect(record).toMatchObject({ name: '', email: '', phone_prefix: '', tags: '', status: '' });
  });

  it('joins tags with ";" and attributes as key=value', () => {
    const chat = chatSchema.parse({
      ...seedListing.data[0],
      profile: {
        userDetails: {
          tags: ['a', 'b'],
          attributes: [
            { key: 'k1', value: 'v1' },
            { key: 'k2', value: 'v2' },
          ],
        },
      },
    });
    expect(flattenChat(chat)).toMatchObject({ tags: 'a;b', attributes: 'k1=v1;k2=v2' });
  });

  it("keeps every note, the visitor's message among them, one per line", () => {
    const chat = chatSchema.parse({
      ...seedListing.data[0],
      profile: {
        userDetails: {},
        notes: [
          { title: 'Message', description: 'Two dozen buns, please.' },
          { title: 'Phone as typed', description: '0049 151 23456789' },
        ],
      },
    });
    expect(flattenChat(chat).notes).toBe(
      'Message: Two dozen buns, please.\nPhone as typed: 0049 151 23456789',
    );
  });
});

describe('CSV', () => {
  it('leaves plain cells alone', () => expect(csvCell('Ana Lima')).toBe('Ana Lima'));

  it('quotes cells with commas, quotes or line breaks, doubling quotes (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('cr\r')).toBe('"cr\r"');
  });

  it.each(['=1+1', '+44 7911', '-2', '@SUM(A1)', '\tcmd'])(
    'prefixes formula-looking %j with "\'"',
    (v) => {
      expect(csvCell(v)).toBe(`'${v}`);
    },
  );

  it('guards and quotes in one cell', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('ends each line with CRLF', () => expect(csvLine(['a', 'b,c'])).toBe('a,"b,c"\r\n'));

  it('writes a header row, then one line per record in column order', () => {
    const csv = toCsv([flattenChat(sample)]);
    const [header, row, end] = csv.split('\r\n');
    expect(header).toBe(
      '\uFEFFuuid,name,email,phone_prefix,phone_number,city,country,tags,attributes,notes,status,created_at,updated_at,last_seen_at',
    );
    expect(row).toBe(
      '7e88d192-9b20-4035-9b68-d4ac3d58a34f,Sample name,Sample email,91,Sample number,Sample city,Sample country,Sample tag,ID=BP001,Sample title: Sample description,INPROGRESS,2023-02-01T05:59:03.533Z,2023-02-02T06:46:34.119Z,2023-02-01T06:00:21.000Z',
    );
    expect(end).toBe('');
  });

  it('writes only the header for no records', () => {
    expect(toCsv([])).toBe(`\uFEFF${CHAT_RECORD_COLUMNS.join(',')}\r\n`);
  });

  it('starts with the UTF-8 byte order mark EF BB BF, so Excel reads "Jonas Müller" right', () => {
    const record = { ...flattenChat(sample), name: 'Jonas Müller', notes: 'Message: Grüße' };
    const bytes = new TextEncoder().encode(toCsv([record]));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Decoded as Excel does once it sees the BOM: the name and the note come back whole.
    const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
    const [, row] = text.split('\r\n');
    expect(row?.split(',')[1]).toBe('Jonas Müller');
    expect(row).toContain('Message: Grüße');
  });
});
