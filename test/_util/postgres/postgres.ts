// The PostgreSQL server tests may use: RELAY_TEST_DATABASE_URL, which .ci/run sets to a throwaway
// cluster. Without it the PostgreSQL tests are skipped with a printed reason, so `npm test` passes
// on a laptop; CI fails when they were skipped there (scripts/test-summary.mjs). By convention
// every test file that uses it has `postgres` in its name: that is how the summary finds them.
import { describe } from 'vitest';

export const TEST_DATABASE_VARIABLE = 'RELAY_TEST_DATABASE_URL';

let reasonPrinted = false;

/** The test database URL, or undefined (saying once per test file why its tests are skipped). */
export function testDatabaseUrl(): string | undefined {
  const url = process.env[TEST_DATABASE_VARIABLE];
  if (url) return url;
  if (!reasonPrinted) {
    reasonPrinted = true;
    console.warn(
      `PostgreSQL tests skipped: ${TEST_DATABASE_VARIABLE} is not set ` +
        '(README, "PostgreSQL tests", says how to start a cluster for them)',
    );
  }
  return undefined;
}

/**
 * A describe block that runs only with a test database, handing its URL to the tests. Skipped
 * blocks are still collected (so they are counted as skipped) but never run: the empty URL they
 * get is never used.
 */
export function describePostgres(name: string, tests: (databaseUrl: string) => void): void {
  const url = testDatabaseUrl();
  describe.skipIf(url === undefined)(name, () => tests(url ?? ''));
}
