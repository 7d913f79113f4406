// Sums Vitest JSON reports into one closing line, "tests: N passed, N failed, N skipped", for CI.
// Usage: test-summary.mjs [--postgres] report.json ... (`--postgres` marks the next report as a
// run that had RELAY_TEST_DATABASE_URL: its PostgreSQL tests, in files named *postgres*, must have
// run, none skipped). Exits 1 when a report is missing, anything failed, or that rule is broken.
import { existsSync, readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';

const POSTGRES_FILE = /postgres[^/]*$/;
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function summariseRun(file, postgresRequired) {
  const run = basename(file, '.json');
  if (!existsSync(file)) {
    problems.push(`${run}: no report (the run stopped before its tests; see its output above)`);
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const postgres = { passed: 0, skipped: [] };
  for (const testFile of report.testResults) {
    const name = relative(process.cwd(), testFile.name);
    // A file that failed to load or whose hooks threw has no failed test of its own.
    if (testFile.status === 'failed' && !testFile.assertionResults.some(isFailed)) {
      counts.failed += 1;
      problems.push(`${run}: ${name} failed outside its tests`);
    }
    for (const test of testFile.assertionResults) {
      const outcome = isFailed(test) ? 'failed' : test.status === 'passed' ? 'passed' : 'skipped';
      counts[outcome] += 1;
      if (POSTGRES_FILE.test(name)) {
        if (outcome === 'passed') postgres.passed += 1;
        if (outcome === 'skipped') postgres.skipped.push(`${name} › ${test.fullName}`);
      }
    }
  }
  const postgresNote = postgresRequired ? ` (PostgreSQL: ${postgres.passed} passed)` : '';
  console.log(
    `${run}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${postgresNote}`,
  );
  if (counts.failed > 0) problems.push(`${run}: ${counts.failed} failed`);
  // Vitest's own verdict, which also counts unhandled errors that no test owns.
  if (report.success === false && counts.failed === 0) {
    problems.push(`${run}: Vitest reported errors outside the tests (see its output above)`);
  }
  if (counts.passed === 0) problems.push(`${run}: no test passed`);
  if (postgresRequired && postgres.skipped.length > 0) {
    const list = postgres.skipped.map((test) => `\n  ${test}`).join('');
    problems.push(`${run}: PostgreSQL tests skipped although a database was given:${list}`);
  }
  if (postgresRequired && postgres.passed === 0) {
    problems.push(`${run}: no PostgreSQL test ran although a database was given`);
  }
  for (const key of Object.keys(totals)) totals[key] += counts[key];
}

function isFailed(test) {
  return test.status === 'failed';
}

const args = process.argv.slice(2);
for (let index = 0; index < args.length; index += 1) {
  const postgresRequired = args[index] === '--postgres';
  if (postgresRequired) index += 1;
  summariseRun(args[index], postgresRequired);
}

for (const problem of problems) console.log(`CI failed: ${problem}`);
const line = `tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
console.log(problems.length > 0 ? `${line}; CI failed (${problems.length} problems above)` : line);
process.exit(problems.length > 0 ? 1 : 0);
