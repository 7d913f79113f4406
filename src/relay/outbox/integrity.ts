// A damaged outbox file is found at start-up and at run time, and named with how to recover it:
// leads are never deleted to make the relay start.
import type { Database } from 'better-sqlite3';

export class OutboxDamagedError extends Error {
  readonly file: string;
  constructor(file: string, detail: string) {
    super(
      `the outbox file ${file} is damaged (${detail}). Nothing was deleted. Stop the relay, ` +
        `keep a copy of the file (with its -wal and -shm files), then recover its rows: ` +
        `sqlite3 ${file} ".recover" | sqlite3 ${file}.recovered && mv ${file}.recovered ${file} ` +
        `(remove the old -wal and -shm files first), and start the relay again.`,
    );
    this.name = 'OutboxDamagedError';
    this.file = file;
  }
}

// SQLITE_CORRUPT and SQLITE_NOTADB, as better-sqlite3 reports them on either thread.
const DAMAGE = /malformed|not a database|SQLITE_CORRUPT|SQLITE_NOTADB|database corruption/i;

export function isDamage(error: unknown): boolean {
  if (error instanceof OutboxDamagedError) return true;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return DAMAGE.test(`${String(code)} ${String(message)}`);
}

/** `PRAGMA quick_check` (pages, records, indexes; not the UNIQUE constraint walk). */
export function checkIntegrity(db: Database, file: string): void {
  let problems: string[];
  try {
    problems = (db.pragma('quick_check(5)') as { quick_check: string }[]).map((r) => r.quick_check);
  } catch (error) {
    throw new OutboxDamagedError(file, (error as Error).message);
  }
  if (problems.length !== 1 || problems[0] !== 'ok') {
    throw new OutboxDamagedError(file, problems.join('; '));
  }
}
