// Spent challenges in PostgreSQL, shared by every relay instance on the same database.
import pg from 'pg';
import type { SpentStore } from './spent-store.ts';

const CREATE = `CREATE TABLE IF NOT EXISTS eleapi_spent_challenges (
  id         text PRIMARY KEY,
  expires_at bigint NOT NULL
)`;

/** Opens a small pool of its own on `databaseUrl`; the table is created if missing. */
export async function openPostgresSpentStore(databaseUrl: string): Promise<SpentStore> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  try {
    await pool.query(CREATE);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    async spend(id, expiresAt) {
      const result = await pool.query(
        'INSERT INTO eleapi_spent_challenges (id, expires_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING',
        [id, expiresAt],
      );
      return result.rowCount === 1;
    },
    async prune(now) {
      const result = await pool.query('DELETE FROM eleapi_spent_challenges WHERE expires_at < $1', [
        now,
      ]);
      return result.rowCount ?? 0;
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * The same store for a synchronous caller (createRelay): calls wait for the pool to open; if it
 * cannot, `onOpenError` is told once and each call rejects (the relay answers 503, not 5xx).
 */
export function postgresSpentStore(
  databaseUrl: string,
  onOpenError: (error: unknown) => void,
): SpentStore {
  const opening = openPostgresSpentStore(databaseUrl);
  opening.catch(onOpenError);
  return {
    spend: async (id, expiresAt, now) => (await opening).spend(id, expiresAt, now),
    prune: async (now) => (await opening).prune(now),
    close: async () => {
      const store = await opening.catch(() => undefined);
      await store?.close();
    },
  };
}
