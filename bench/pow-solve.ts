// Proof-of-work solve time: the widget's solver in Chromium at 1× and 4× CPU (CDP throttling),
// long tasks seen meanwhile, and what a scripted client pays in Node for the same challenges.
// Run alone with `npx tsx bench/pow-solve.ts` (POW_COST=…, POW_RUNS=…).
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { solveChallenge as altchaSolve } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { build } from 'esbuild';
import { DEFAULT_CHALLENGE_COST } from '../src/relay/challenge/defaults.ts';
import { createChallengeService } from '../src/relay/challenge/index.ts';
import type { PowChallenge } from '../src/shared/pow-challenge.ts';
import { SLICE_MS } from '../src/widget/pow/prover.ts';
import { launchBrowser } from '../test/_util/browser.ts';

const PAGE_URL = 'http://127.0.0.1/pow-bench';

export interface SolveStats {
  medianMs: number;
  p90Ms: number;
  maxMs: number;
  longTasks: number;
  longestTaskMs: number;
}

/** The solver as the browser gets it, minified, and its gzip size. */
export async function solverBundle(): Promise<{ code: string; gzipBytes: number }> {
  const result = await build({
    entryPoints: ['src/widget/pow/index.ts'],
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: 'ElePow',
    target: 'es2022',
    write: false,
  });
  const code = result.outputFiles[0]?.text ?? '';
  return { code, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}

/** Fresh challenges from the relay's own service (replay store not involved). */
export async function issueChallenges(cost: number, runs: number): Promise<PowChallenge[]> {
  const service = createChallengeService({
    secret: 'bench-secret-bench-secret-bench-secret',
    ttlSeconds: 600,
    now: Date.now,
    spent: { spend: async () => true, prune: async () => 0, close: async () => {} },
  });
  return Promise.all(Array.from({ length: runs }, () => service.issue(cost, 'bench')));
}

const stats = (times: number[], longTasks: number[]): SolveStats => {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    medianMs: at(0.5),
    p90Ms: at(0.9),
    maxMs: sorted.at(-1) ?? 0,
    longTasks: longTasks.length,
    longestTaskMs: Math.max(0, ...longTasks),
  };
};

/** Solves each challenge in Chromium at `cpuRate`× throttling, watching for long tasks. */
export async function solveInChromium(
  challenges: PowChallenge[],
  cpuRate: number,
  // The slice the widget's form uses (prover.ts), unless a tuning run says otherwise.
  solverOptions: { batch?: number; sliceMs?: number } = { sliceMs: SLICE_MS },
): Promise<SolveStats> {
  const { code } = await solverBundle();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    // localhost is a secure context, which crypto.subtle needs.
    await page.route(PAGE_URL, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>pow</title>' }),
    );
    await page.goto(PAGE_URL);
    await page.addScriptTag({ content: code });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    const result = await page.evaluate(
      async ({ challenges, solverOptions }) => {
        const longTasks: number[] = [];
        const solvingFrom = performance.now();
        // Only tasks from the solves on: page start-up is not the solver's.
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            if (entry.startTime >= solvingFrom) longTasks.push(entry.duration);
          }
        }).observe({ type: 'longtask', buffered: true });
        const pow = (window as unknown as { ElePow: typeof import('../src/widget/pow/index.ts') })
          .ElePow;
        const times: number[] = [];
        for (const challenge of challenges) {
          const start = performance.now();
          await pow.solveChallenge(challenge, solverOptions);
          times.push(performance.now() - start);
        }
        // Long-task entries are delivered after the task ends: one more turn to collect them.
        await new Promise((resolve) => setTimeout(resolve, 100));
        return { times, longTasks };
      },
      { challenges, solverOptions },
    );
    return stats(result.times, result.longTasks);
  } finally {
    await browser.close();
  }
}

/** A scripted client: node:crypto SHA-256 in a tight loop, the cheapest honest way to pay. */
export function solveInNode(challenges: PowChallenge[]): SolveStats {
  const times = challenges.map((challenge) => {
    const { salt, nonce, keyPrefix } = challenge.parameters;
    const head = Buffer.from(salt + nonce, 'hex');
    const input = Buffer.alloc(head.length + 4);
    head.copy(input);
    const start = performance.now();
    for (let counter = 0; ; counter++) {
      input.writeUInt32BE(counter, head.length);
      if (createHash('sha256').update(input).digest('hex').startsWith(keyPrefix)) break;
    }
    return performance.now() - start;
  });
  return stats(times, []);
}

/** The same through altcha-lib's own solver (what a client using the library pays). */
export async function solveWithAltchaLib(challenges: PowChallenge[]): Promise<SolveStats> {
  const times: number[] = [];
  for (const challenge of challenges) {
    const start = performance.now();
    await altchaSolve({
      challenge: challenge as Parameters<typeof altchaSolve>[0]['challenge'],
      deriveKey,
    });
    times.push(performance.now() - start);
  }
  return stats(times, []);
}

async function main(): Promise<void> {
  const cost = Number(process.env.POW_COST ?? DEFAULT_CHALLENGE_COST);
  const runs = Number(process.env.POW_RUNS ?? 12);
  const challenges = await issueChallenges(cost, runs);
  const { gzipBytes } = await solverBundle();
  console.log(
    `proof of work at cost ${cost} (answer uniform in ${Math.ceil(cost / 2)}..${cost}), ${runs} challenges, ${SLICE_MS} ms slices, solver ${gzipBytes} B gzip\n`,
  );
  const fmt = (s: SolveStats) => ({
    'median ms': Math.round(s.medianMs),
    'p90 ms': Math.round(s.p90Ms),
    'max ms': Math.round(s.maxMs),
    'long tasks': s.longTasks,
    'longest task ms': Math.round(s.longestTaskMs),
  });
  // Tuning aid: POW_BATCHES=8,32 POW_CPU=4 compares batch sizes.
  const batches = process.env.POW_BATCHES?.split(',').map(Number);
  if (batches) {
    const rate = Number(process.env.POW_CPU ?? 1);
    for (const batch of batches) {
      const options = { batch, sliceMs: SLICE_MS };
      console.log(`batch ${batch}`, fmt(await solveInChromium(challenges, rate, options)));
    }
    return;
  }
  const node = solveInNode(challenges);
  console.table({
    'Chromium 1× CPU': fmt(await solveInChromium(challenges, 1)),
    'Chromium 4× CPU': fmt(await solveInChromium(challenges, 4)),
    'Node, node:crypto loop': fmt(node),
    'Node, altcha-lib solver': fmt(await solveWithAltchaLib(challenges)),
  });
  console.log(
    `a scripted client pays about ${Math.round(node.medianMs)} ms of one core per submission (${Math.round(1000 / Math.max(1, node.medianMs))} submissions/s per core)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
