import { describe, expect, it } from 'vitest';
import { type CommitResult, createGroupCommit } from '../../../src/relay/outbox/group-commit.ts';

/** A commit the test finishes by hand, recording every batch it was given. */
function manualCommit() {
  const batches: string[][] = [];
  const finishers: ((results: CommitResult<string>[] | Error) => void)[] = [];
  return {
    batches,
    commit(ops: string[]) {
      batches.push(ops);
      return new Promise<CommitResult<string>[]>((resolve, reject) => {
        finishers.push((r) => (r instanceof Error ? reject(r) : resolve(r)));
      });
    },
    /** Completes the oldest open commit, every op succeeding with its upper-case self. */
    succeed() {
      const ops = batches[batches.length - finishers.length] ?? [];
      finishers.shift()?.(ops.map((op) => ({ ok: true, value: op.toUpperCase() })));
    },
    finish(result: CommitResult<string>[] | Error) {
      finishers.shift()?.(result);
    },
    open: () => finishers.length,
  };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('createGroupCommit', () => {
  it('commits writes queued in the same turn as one batch', async () => {
    const db = manualCommit();
    const group = createGroupCommit({ commit: db.commit });
    const writes = ['a', 'b', 'c'].map((op) => group.submit(op));
    await turn();
    expect(db.batches).toEqual([['a', 'b', 'c']]);
    db.succeed();
    expect(await Promise.all(writes)).toEqual(['A', 'B', 'C']);
  });

  it('resolves a write only after its batch committed', async () => {
    const db = manualCommit();
    const group = createGroupCommit({ commit: db.commit });
    let resolved = false;
    const write = group.submit('x').then(() => {
      resolved = true;
    });
    await turn();
    await turn();
    expect(resolved).toBe(false);
    db.succeed();
    await write;
    expect(resolved).toBe(true);
  });

  it('queues writes that arrive during a commit into the next batch, one commit at a time', async () => {
    const db = manualCommit();
    const group = createGroupCommit({ commit: db.commit });
    const first = group.submit('1');
    await turn();
    const later = [group.submit('2'), group.submit('3')];
    await turn();
    expect(db.open()).toBe(1);
    db.succeed();
    await first;
    await turn();
    expect(db.batches).toEqual([['1'], ['2', '3']]);
    db.succeed();
    expect(await Promise.all(later)).toEqual(['2', '3']);
  });

  it('splits batches at maxBatch', async () => {
    const db = manualCommit();
    const group = createGroupCommit({ commit: db.commit, maxBatch: 2 });
    const writes = ['1', '2', '3'].map((op) => group.submit(op));
    await turn();
    db.succeed();
    await turn();
    db.succeed();
    await Promise.all(writes);
    expect(db.batches).toEqual([['1', '2'], ['3']]);
  });

  it('rejects only the write that failed; the rest of its batch resolves', async () => {
    const db = manualCommit();
    const group = createGroupCommit({ commit: db.commit });
    const good = group.submit('good');
    const bad = group.submit('bad');
    await turn();
    db.finish([
      { ok: true, value: 'kept' },
      { ok: false, error: 'UNIQUE constraint failed' },
    ]);
    await expect(good).resolves.toBe('kept');
    await expect(bad).rejects.toThrow('UNIQUE constraint failed');
  });

  it('rejects every write of a batch whose commit failed', async () => {
    const db = manualCommit();
    const group = createGroupCommit({ commit: db.commit });
    const writes = [group.submit('1'), group.submit('2')];
    await turn();
    db.finish(new Error('disk I/O error'));
    for (const write of writes) await expect(write).rejects.toThrow('disk I/O error');
  });

  it('commits what is queued on close and refuses later writes', async () => {
    const db = manualCommit();
    const group = createGroupCommit({ commit: db.commit });
    const queued = group.submit('last');
    let closed = false;
    const closing = group.close().then(() => {
      closed = true;
    });
    await turn();
    expect(closed).toBe(false);
    db.succeed();
    await closing;
    await expect(queued).resolves.toBe('LAST');
    await expect(group.submit('late')).rejects.toThrow('the outbox is closed');
  });
});
