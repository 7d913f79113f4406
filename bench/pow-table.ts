// (i) of `npm run bench`: the proof of work at the relay's default cost, solved by the widget's
// solver in Chromium at 1× and 4× CPU, and what a client posting without a browser pays.
// The measuring is bench/pow-solve.ts's; this prints it against the 1.5 s target at 4×.
import { DEFAULT_CHALLENGE_COST } from '../src/relay/challenge/defaults.ts';
import {
  issueChallenges,
  type SolveStats,
  solveInChromium,
  solveInNode,
  solverBundle,
  solveWithAltchaLib,
} from './pow-solve.ts';

const TARGET_4X_MS = 1_500;

export async function benchPow(runs: number): Promise<void> {
  const cost = DEFAULT_CHALLENGE_COST;
  const challenges = await issueChallenges(cost, runs);
  const { gzipBytes } = await solverBundle();
  const oneX = await solveInChromium(challenges, 1);
  const fourX = await solveInChromium(challenges, 4);
  const node = solveInNode(challenges);
  const library = await solveWithAltchaLib(challenges);
  const row = (s: SolveStats) => ({
    'median ms': Math.round(s.medianMs),
    'p90 ms': Math.round(s.p90Ms),
    'max ms': Math.round(s.maxMs),
    'long tasks': s.longTasks,
    'longest task ms': Math.round(s.longestTaskMs),
    'vs Chromium 1×': `${(s.medianMs / Math.max(1, oneX.medianMs)).toFixed(2)}x`,
  });
  console.log(
    `\n(i) proof of work at the default cost ${cost}, ${runs} challenges, solver ${gzipBytes} B gzip:`,
  );
  console.table({
    '(i) Chromium 1× CPU (widget solver)': row(oneX),
    '(i) Chromium 4× CPU (widget solver)': row(fourX),
    '(i) no browser: Node, node:crypto loop': row(node),
    '(i) no browser: Node, altcha-lib solver': row(library),
  });
  console.log(
    `4× CPU p90 ${Math.round(fourX.p90Ms)} ms against the ${TARGET_4X_MS} ms target (${(fourX.p90Ms / TARGET_4X_MS).toFixed(2)}x); ` +
      `a client without a browser pays about ${Math.round(node.medianMs)} ms of one core per lead ` +
      `(${Math.round(1000 / Math.max(1, node.medianMs))} leads/s per core)`,
  );
}
