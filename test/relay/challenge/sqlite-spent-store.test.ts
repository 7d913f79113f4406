import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteSpentStore } from '../../../src/relay/challenge/index.ts';
import { OUTBOX_FILE, openOutbox } from '../../../src/relay/outbox/index.ts';
import { type TempDir, tempDir } from '../support/fixtures.ts';

let dir: TempDir;
afterEach(() => dir.remove());

describe('SQLite spent-challenge store', () => {
  it('spends an id once, keeps it across a reopen and forgets it after expiry', async () => {
    dir = tempDir();
    const first = openSqliteSpentStore(dir.path);
    expect(await first.spend('n1', 2_000, 1_000)).toBe(true);
    expect(await first.spend('n1', 2_000, 1_000)).toBe(false);
    await first.close();
    const again = openSqliteSpentStore(dir.path);
    expect(await again.spend('n1', 2_000, 1_500)).toBe(false);
    expect(await again.prune(2_001)).toBe(1);
    expect(await again.spend('n1', 9_000, 2_001)).toBe(true);
    await again.close();
  });

  it("lives in the outbox's own file beside the outbox, both usable", async () => {
    dir = tempDir();
    const outbox = openOutbox(dir.path, { writer: 'inline' });
    const store = openSqliteSpentStore(dir.path);
    expect(existsSync(join(dir.path, OUTBOX_FILE))).toBe(true);
    expect(await store.spend('n2', 5_000, 1_000)).toBe(true);
    await outbox.checkWritable(1_000);
    await store.close();
    await outbox.close();
  });
});
