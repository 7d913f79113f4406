// Picks the relay's store from its config: the shared PostgreSQL store when RELAY_DATABASE_URL
// is set (opened here, before the relay is built, since that takes round trips), otherwise
// nothing, and createRelay opens the SQLite outbox in RELAY_DATA_DIR as before.
import type { RelayConfig } from '../config.ts';
import { openPostgresStore, type PostgresStore } from './postgres-store.ts';

export type SharedStore = PostgresStore;

/**
 * Relays on a shared store only learn of leads another relay accepted by looking: each one
 * claims at least this often (an index probe; a NOTIFY in every accept would serialise commits).
 */
export const SHARED_POLL_MS = 1_000;

export async function openSharedStore(config: RelayConfig): Promise<SharedStore | undefined> {
  if (!config.databaseUrl) return undefined;
  return openPostgresStore({
    databaseUrl: config.databaseUrl,
    dbPool: config.dbPool,
    rateLimitPerMinute: config.rateLimitPerMinute,
  });
}
