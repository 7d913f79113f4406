// Rebuilds a build output only when it is missing or older than the sources it comes from, so
// the browser suite always drives the real, current bundle without paying for needless builds.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function newestMtime(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Whether any output is missing or older than the newest source file. */
export function isStale(outputs: string[], sources: string[]): boolean {
  const newestSource = Math.max(...sources.map((s) => newestMtime(join(ROOT, s))));
  return outputs.some((o) => {
    const stat = statSync(join(ROOT, o), { throwIfNoEntry: false });
    return !stat || stat.mtimeMs < newestSource;
  });
}

/** Runs a build command from the repo root; throws with its output if it fails. */
export function runBuild(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  }
}
