// Per test: the stand-in eleapi API on a free port and an empty relay data folder.
import { afterEach, beforeEach } from 'vitest';
import { type StartedSim, startSim } from '../../_util/start-sim.ts';
import { type TempDir, TOKEN, tempDir } from './fixtures.ts';

export interface SimAndDir {
  readonly sim: StartedSim;
  readonly dir: TempDir;
}

/**
 * Registers beforeEach/afterEach that start the sim (accepting TOKEN) and make the folder, then
 * close and remove them. Call it before the file's own hooks: after-hooks run in reverse, so a
 * relay the file stops in its afterEach is gone before the sim closes.
 */
export function useSimAndDir(): SimAndDir {
  let sim: StartedSim | undefined;
  let dir: TempDir | undefined;
  beforeEach(async () => {
    sim = await startSim({ token: TOKEN });
    dir = tempDir();
  });
  afterEach(async () => {
    await sim?.close();
    dir?.remove();
  });
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} is read outside a test`);
    return value;
  };
  return {
    get sim() {
      return started(sim, 'sim');
    },
    get dir() {
      return started(dir, 'dir');
    },
  };
}
