// One eleapi chat as one flat record, for the CSV export and the demo's leads page.
import type { Chat } from './eleapi-api.ts';

export const CHAT_RECORD_COLUMNS = [
  'uuid',
  'name',
  'email',
  'phone_prefix',
  'phone_number',
  'city',
  'country',
  'tags',
  'attributes',
  'notes',
  'status',
  'created_at',
  'updated_at',
  'last_seen_at',
] as const;
export type ChatRecordColumn = (typeof CHAT_RECORD_COLUMNS)[number];
export type ChatRecord = Record<ChatRecordColumn, string>;

/**
 * Flattens a chat of the listing. Tags are joined with `;`, attributes as `key=value;…`, notes
 * (the visitor's message among them) as `Title: text`, one per line; anything missing is `""`.
 *
 * @example
 * flattenChat(chat).phone_prefix // "91"
 */
export function flattenChat(chat: Chat): ChatRecord {
  const details = chat.profile.userDetails;
  const contact = details.contact;
  return {
    uuid: chat.uuid,
    name: details.name ?? '',
    email: contact?.email ?? '',
    phone_prefix: contact?.phone?.prefix ?? '',
    phone_number: contact?.phone?.number ?? '',
    city: details.city ?? '',
    country: details.country ?? '',
    tags: (details.tags ?? []).join(';'),
    attributes: (details.attributes ?? []).map((a) => `${a.key}=${a.value}`).join(';'),
    notes: (chat.profile.notes ?? []).map((n) => `${n.title}: ${n.description}`).join('\n'),
    status: chat.status ?? '',
    created_at: chat.createdAt,
    updated_at: chat.updatedAt ?? '',
    last_seen_at: chat.lastSeenAt ?? '',
  };
}

// Spreadsheets run cells that start with these as formulas (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula-looking text prefixed with `'`, quoted when RFC 4180 requires it. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV line, ending in CRLF as RFC 4180 says. */
export function csvLine(values: readonly string[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

// Excel reads a CSV without a byte order mark as the system code page: "Müller" becomes "MÃ¼ller".
export const CSV_BOM = '\uFEFF';

/** One record as one CSV line, in column order. */
export const csvRow = (record: ChatRecord): string =>
  csvLine(CHAT_RECORD_COLUMNS.map((column) => record[column]));

/** How every CSV export starts: the byte order mark, then the header row. */
export const csvHeader = (): string => CSV_BOM + csvLine(CHAT_RECORD_COLUMNS);

/** A whole CSV document: the BOM and header row, then one line per record. */
export function toCsv(rows: readonly ChatRecord[]): string {
  return csvHeader() + rows.map(csvRow).join('');
}
