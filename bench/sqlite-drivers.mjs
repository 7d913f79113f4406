// Node 22+ only (node:sqlite), so plain JS outside `npm run bench` and the type check; the relay
// itself runs on 20. Compares SQLite drivers on the outbox's write path, each as a ratio to the
// first driver given, measured in the same run (the drivers take turns commit by commit):
//   node bench/sqlite-drivers.mjs <better-sqlite3 folder> [<another better-sqlite3 folder>]
// ARCHITECTURE.md ("Moving the floor to Node 22") says how to install the drivers and Node 24.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const require = createRequire(import.meta.url);
const body = JSON.stringify({
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  notes: 'x'.repeat(400),
});

function betterSqlite3(folder) {
  const Database = require(resolve(folder));
  const { version } = require(join(resolve(folder), 'package.json'));
  return { name: `better-sqlite3 ${version}`, open: (file) => new Database(file) };
}

const nodeSqlite = {
  name: `node:sqlite (Node ${process.version})`,
  open: (file) => new DatabaseSync(file),
};

// The outbox's settings (src/relay/outbox/schema.ts): WAL, and an fsync per commit.
function openOutbox(driver, dir) {
  const db = driver.open(join(dir, `${driver.name.replace(/\W+/g, '-')}.sqlite`));
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;');
  db.exec('CREATE TABLE IF NOT EXISTS outbox (uuid TEXT PRIMARY KEY, body TEXT, at INTEGER)');
  const insert = db.prepare('INSERT INTO outbox (uuid, body, at) VALUES (?, ?, ?)');
  return { db, insert };
}

// Rows per second of each driver for `count` rows in transactions of `perCommit` rows. The drivers
// take turns commit by commit, so a burst of load from other processes hits them alike.
function insertRates(drivers, dir, count, perCommit) {
  const outboxes = drivers.map((driver) => openOutbox(driver, dir));
  const seconds = drivers.map(() => 0);
  for (let done = 0; done < count; done += perCommit) {
    outboxes.forEach(({ db, insert }, index) => {
      const started = process.hrtime.bigint();
      db.exec('BEGIN');
      for (let row = done; row < done + perCommit; row += 1) {
        insert.run(crypto.randomUUID(), body, row);
      }
      db.exec('COMMIT');
      seconds[index] += Number(process.hrtime.bigint() - started) / 1e9;
    });
  }
  for (const { db } of outboxes) db.close();
  return seconds.map((spent) => count / spent);
}

const workloads = [
  { name: 'one row per commit (fsync each)', count: 400, perCommit: 1 },
  { name: '32 rows per commit (group commit)', count: 6_400, perCommit: 32 },
  { name: '20,000 rows in one commit (driver overhead)', count: 20_000, perCommit: 20_000 },
];

const drivers = [...process.argv.slice(2).map(betterSqlite3), nodeSqlite];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rates = new Map(workloads.map((w) => [w, new Map(drivers.map((d) => [d, []]))]));
const dir = mkdtempSync(join(tmpdir(), 'sqlite-drivers-'));
try {
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const workload of workloads) {
      const measured = insertRates(drivers, dir, workload.count, workload.perCommit);
      for (const [index, driver] of drivers.entries()) {
        rates.get(workload).get(driver).push(measured[index]);
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(`median of ${ROUNDS} rounds, rows/s (ratio to ${drivers[0].name})`);
for (const workload of workloads) {
  const baseline = median(rates.get(workload).get(drivers[0]));
  const cells = drivers.map((driver) => {
    const rate = median(rates.get(workload).get(driver));
    return `${driver.name}: ${Math.round(rate).toLocaleString('en-US')} (${(rate / baseline).toFixed(2)})`;
  });
  console.log(`${workload.name}\n  ${cells.join('\n  ')}`);
}
