// One pg pool per relay, shared by the outbox and the rate limiter, with the session settings
// a queue needs.
import pg, { type PoolClient } from 'pg';

export interface PostgresPoolOptions {
  url: string;
  /** Most connections this relay opens (RELAY_DB_POOL). */
  max: number;
  /** Called when an idle connection dies (database restarted): the pool replaces it. */
  onError?: (error: Error) => void;
}

// A transaction left open holds back vacuum for every table, so dead queue rows pile up and
// claims slow down: the server ends any session idle inside a transaction this long.
const IDLE_IN_TRANSACTION_MS = 10_000;
// A database that does not answer must turn into a 503 soon, not a hung request.
const CONNECT_TIMEOUT_MS = 3_000;
const STATEMENT_TIMEOUT_MS = 15_000;

export function createPostgresPool(options: PostgresPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'eleapi-relay',
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: STATEMENT_TIMEOUT_MS + 1_000,
  });
  // Without a listener, an idle client's error (server restart) would crash the process.
  pool.on('error', (error) => options.onError?.(error));
  return pool;
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  if (!URL.canParse(url)) return '(unparseable URL)';
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** Runs `work` in one transaction on one pooled connection. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A connection that cannot even roll back is broken: the pool must not hand it out again.
    broken = await client.query('ROLLBACK').then(
      () => false,
      () => true,
    );
    throw error;
  } finally {
    client.release(broken);
  }
}
