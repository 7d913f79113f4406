// Per test: the stand-in eleapi API on a free port and an empty relay data folder.
import { afterEach, beforeEach } from 'vitest';
import { type StartedSim, startSim } from '../sim/start-sim.ts';
import { type TempDir, TOKEN, tempDir } from './fixtures.ts';

/**
 * Registers hooks that start the sim (accepting TOKEN) and make the folder before each test, then
 * close and remove them. Call it before the file's own hooks: after-hooks run in reverse, so a
 * relay the file stops in its afterEach is gone before the sim closes.
 */
export function useSimAndDir(): { sim: StartedSim; dir: TempDir } {
  // Filled in by beforeEach; read only inside tests and later hooks.
  const current = {} as { sim: StartedSim; dir: TempDir };
  beforeEach(async () => {
    current.sim = await startSim({ token: TOKEN });
    current.dir = tempDir();
  });
  afterEach(async () => {
    await current.sim?.close();
    current.dir?.remove();
  });
  return current;
}
