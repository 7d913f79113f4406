import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../src/relay/group-commit.ts';

/** A transaction stand-in that records what each commit contained. */
function recordingTransaction() {
  const commits: string[][] = [];
  let current: string[] | undefined;
  return {
    commits,
    log: (entry: string) => current?.push(entry),
    transaction(work: () => void) {
      current = [];
      work();
      commits.push(current);
      current = undefined;
    },
  };
}

describe('createGroupCommit', () => {
  it('commits writes queued in the same turn together, in one transaction', async () => {
    const tx = recordingTransaction();
    const group = createGroupCommit({ transaction: tx.transaction });
    const results = await Promise.all(
      ['a', 'b', 'c'].map((x) =>
        group.submit(() => {
          tx.log(x);
          return x.toUpperCase();
        }),
      ),
    );
    expect(results).toEqual(['A', 'B', 'C']);
    expect(tx.commits).toEqual([['a', 'b', 'c']]);
  });

  it('resolves a write only after its batch committed', async () => {
    const tx = recordingTransaction();
    let flush: () => void = () => {};
    const group = createGroupCommit({ transaction: tx.transaction, schedule: (f) => (flush = f) });
    let resolved = false;
    const done = group
      .submit(() => tx.log('x'))
      .then(() => {
        resolved = true;
      });
    await Promise.resolve();
    await new Promise((r) => setImmediate(r));
    expect(resolved).toBe(false);
    expect(tx.commits).toEqual([]);
    flush();
    await done;
    expect(resolved).toBe(true);
    expect(tx.commits).toEqual([['x']]);
  });

  it('flushes at once when a batch is full', () => {
    const tx = recordingTransaction();
    const group = createGroupCommit({
      transaction: tx.transaction,
      maxBatch: 2,
      schedule: () => {},
    });
    void group.submit(() => tx.log('1'));
    void group.submit(() => tx.log('2'));
    void group.submit(() => tx.log('3'));
    expect(tx.commits).toEqual([['1', '2']]);
  });

  it('rejects only the write that failed; the rest of its batch commits', async () => {
    const tx = recordingTransaction();
    const group = createGroupCommit({ transaction: tx.transaction });
    const good = group.submit(() => {
      tx.log('good');
      return 'kept';
    });
    const bad = group.submit(() => {
      throw new Error('constraint');
    });
    await expect(bad).rejects.toThrow('constraint');
    await expect(good).resolves.toBe('kept');
    expect(tx.commits).toEqual([['good']]);
  });

  it('rejects every write of a batch whose commit failed', async () => {
    const group = createGroupCommit({
      transaction: (work) => {
        work();
        throw new Error('disk I/O error');
      },
    });
    const writes = [group.submit(() => 1), group.submit(() => 2)];
    for (const write of writes) await expect(write).rejects.toThrow('disk I/O error');
  });

  it('commits what is queued on close and refuses later writes', async () => {
    const tx = recordingTransaction();
    const group = createGroupCommit({ transaction: tx.transaction, schedule: () => {} });
    const queued = group.submit(() => tx.log('last'));
    group.close();
    await queued;
    expect(tx.commits).toEqual([['last']]);
    await expect(group.submit(() => 1)).rejects.toThrow('the outbox is closed');
  });
});
