// CI's closing line (scripts/test-summary.mjs) over Vitest JSON reports shaped like real ones.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

type Status = 'passed' | 'failed' | 'skipped' | 'pending' | 'todo';
type TestFile = { file: string; status?: 'passed' | 'failed'; tests: Status[] };

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'test-summary-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function report(run: string, files: TestFile[]): string {
  const testResults = files.map(({ file, status = 'passed', tests }) => ({
    name: join(process.cwd(), file),
    status,
    assertionResults: tests.map((test, index) => ({ fullName: `test ${index}`, status: test })),
  }));
  const path = join(dir, `${run}.json`);
  writeFileSync(path, JSON.stringify({ testResults }));
  return path;
}

async function summary(...args: string[]): Promise<{ code: number; lines: string[] }> {
  const script = join(process.cwd(), 'scripts/test-summary.mjs');
  const run = promisify(execFile)(process.execPath, [script, ...args]);
  const { stdout, code } = await run.then(
    ({ stdout }) => ({ stdout, code: 0 }),
    (error: { stdout: string; code: number }) => error,
  );
  return { code, lines: stdout.trim().split('\n') };
}

const relayFile = {
  file: 'test/relay/a.test.ts',
  tests: ['passed', 'passed', 'skipped'] as Status[],
};
const postgresFile = {
  file: 'test/relay/outbox/postgres-outbox.test.ts',
  tests: ['passed'] as Status[],
};

describe('scripts/test-summary.mjs', () => {
  it('sums every run into one closing line and passes when all passed', async () => {
    const node20 = report('node20', [relayFile, postgresFile]);
    const node24 = report('node24', [relayFile, postgresFile]);
    const browser = report('browser', [{ file: 'test/browser/b.test.ts', tests: ['passed'] }]);
    const result = await summary('--postgres', node20, '--postgres', node24, browser);
    expect(result.lines).toEqual([
      'node20: 3 passed, 0 failed, 1 skipped (PostgreSQL: 1 passed)',
      'node24: 3 passed, 0 failed, 1 skipped (PostgreSQL: 1 passed)',
      'browser: 1 passed, 0 failed, 0 skipped',
      'tests: 7 passed, 0 failed, 2 skipped',
    ]);
    expect(result.code).toBe(0);
  });

  it('fails when any run has a failed test', async () => {
    const node20 = report('node20', [relayFile]);
    const node24 = report('node24', [
      { file: 'test/relay/a.test.ts', tests: ['passed', 'failed'] },
    ]);
    const result = await summary(node20, node24);
    expect(result.lines.at(-1)).toBe(
      'tests: 3 passed, 1 failed, 1 skipped; CI failed (1 problems above)',
    );
    expect(result.code).toBe(1);
  });

  it('fails when a file failed outside its tests (a load error or a throwing hook)', async () => {
    const broken = { file: 'test/relay/broken.test.ts', status: 'failed' as const, tests: [] };
    const result = await summary(report('node20', [relayFile, broken]));
    expect(result.lines).toContain(
      'CI failed: node20: test/relay/broken.test.ts failed outside its tests',
    );
    expect(result.code).toBe(1);
  });

  it('fails when a run left no report (it stopped at type check or lint)', async () => {
    const result = await summary(report('node20', [relayFile]), join(dir, 'node24.json'));
    expect(result.lines).toContain(
      'CI failed: node24: no report (the run stopped before its tests; see its output above)',
    );
    expect(result.code).toBe(1);
  });

  it('fails when PostgreSQL tests were skipped in a run that had a database', async () => {
    const skipped = {
      file: 'test/relay/outbox/postgres-outbox.test.ts',
      tests: ['passed', 'skipped'] as Status[],
    };
    const result = await summary('--postgres', report('node24', [relayFile, skipped]));
    expect(result.lines).toContain(
      'CI failed: node24: PostgreSQL tests skipped although a database was given:',
    );
    expect(result.lines).toContain('  test/relay/outbox/postgres-outbox.test.ts › test 1');
    expect(result.code).toBe(1);
  });

  it('fails when no PostgreSQL test ran in a run that had a database', async () => {
    const result = await summary('--postgres', report('node20', [relayFile]));
    expect(result.lines).toContain(
      'CI failed: node20: no PostgreSQL test ran although a database was given',
    );
    expect(result.code).toBe(1);
  });

  it('lets PostgreSQL tests skip in a run without a database (a laptop)', async () => {
    const skipped = { file: 'test/_util/postgres.test.ts', tests: ['skipped'] as Status[] };
    const result = await summary(report('node20', [relayFile, skipped]));
    expect(result.lines.at(-1)).toBe('tests: 2 passed, 0 failed, 2 skipped');
    expect(result.code).toBe(0);
  });
});
