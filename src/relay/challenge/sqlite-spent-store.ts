// Spent challenges in the outbox's SQLite file: its own table and connection, so the outbox's
// writer thread and schema version are untouched.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { OUTBOX_FILE } from '../outbox/index.ts';
import type { SpentStore } from './spent-store.ts';

export function openSqliteSpentStore(dataDir: string): SpentStore {
  mkdirSync(dataDir, { recursive: true });
  const db = new BetterSqlite3(join(dataDir, OUTBOX_FILE));
  db.pragma('journal_mode = WAL');
  // A replay seen after a crash is harmless (the lead is a uuid upsert): NORMAL is enough here.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS spent_challenges (
    id         TEXT PRIMARY KEY,
    expires_at INTEGER NOT NULL  -- epoch ms; the row may go after this
  )`);
  const insert = db.prepare(
    'INSERT INTO spent_challenges (id, expires_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING',
  );
  const remove = db.prepare('DELETE FROM spent_challenges WHERE expires_at < ?');
  return {
    async spend(id, expiresAt) {
      return insert.run(id, expiresAt).changes === 1;
    },
    async prune(now) {
      return remove.run(now).changes;
    },
    async close() {
      db.close();
    },
  };
}
