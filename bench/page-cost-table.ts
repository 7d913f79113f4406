// The page-cost figures against issue 10's budgets: medians of each variant as deltas against
// the no-widget baseline's median in the same run, with the p25–p75 spread and a pass/over mark.
import type { LoadReadings } from './page-cost-load.ts';
import type { Variant } from './page-cost-pages.ts';

export type Runs = Record<Variant, LoadReadings[]>;

/** Budgets from issue 10 and docs/contract.md §2; KB as in the bundle target, 1,024 bytes. */
export const PAGE_BUDGETS = {
  floatingScriptMs: 100,
  floatingTbtMs: 50,
  floatingFcpDelayMs: 50,
  floatingJsByLoadGzip: 6 * 1024,
  floatingFirstOpenMs: 150,
  floatingJsOpenGzip: 22 * 1024,
  inlineCls: 0.01,
  inlineTbtMs: 120,
};

export function quantile(values: number[], q: number): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return (sorted[low] ?? Number.NaN) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (at - low);
}
export const median = (values: number[]) => quantile(values, 0.5);

/** gzip bytes of the distinct JS files in a list of paths (a file fetched twice counts once). */
export function gzipTotal(paths: string[], gzipBytes: ReadonlyMap<string, number>): number {
  return [...new Set(paths)].reduce((sum, path) => sum + (gzipBytes.get(path) ?? 0), 0);
}

interface Row {
  budget: string;
  measured: string;
  'p25–p75': string;
  baseline: string;
  mark: string;
}

const ms = (n: number) => `${n >= 0 ? '+' : ''}${Math.round(n)} ms`;
const bytes = (n: number) => `${Math.round(n).toLocaleString('en-US')} B`;
const mark = (value: number, budget: number | undefined) =>
  budget === undefined || Number.isNaN(value) ? '' : value <= budget ? 'pass' : 'OVER';

type Pick = (r: LoadReadings) => number;

/** CLS against its budget of 0: the worst load, since one shifted load is one too many. */
export function clsRow(loads: LoadReadings[], baseline: LoadReadings[]): Row {
  const values = loads.map((r) => r.cls);
  const worst = Math.max(...values);
  const over = values.filter((c) => c > PAGE_BUDGETS.inlineCls).length;
  return {
    budget: `≤ ${PAGE_BUDGETS.inlineCls}`,
    measured: worst.toFixed(3),
    'p25–p75': `median ${median(values).toFixed(3)}; ${over}/${values.length} loads over`,
    baseline: baseline.length ? Math.max(...baseline.map((r) => r.cls)).toFixed(3) : '—',
    mark: mark(worst, PAGE_BUDGETS.inlineCls),
  };
}

/** First open's row: the median click → field, against its budget when it has one. */
function openRow(loads: LoadReadings[], budget: number | undefined): Row {
  const opens = loads.map((r) => r.firstOpenMs ?? Number.NaN);
  const open = median(opens);
  return {
    budget: budget === undefined ? '—' : `≤ ${budget} ms`,
    measured: `${Math.round(open)} ms`,
    'p25–p75': `${Math.round(quantile(opens, 0.25))} … ${Math.round(quantile(opens, 0.75))} ms`,
    baseline: '—',
    mark: mark(open, budget),
  };
}

/**
 * `hovered`: floating loads whose click came `hoverMs` after the pointer reached the launcher.
 * The budget row is the stricter click, at once after the hover.
 */
export function pageCostRows(
  runs: Runs,
  gzipBytes: ReadonlyMap<string, number>,
  hovered: { hoverMs: number; loads: LoadReadings[] },
): Record<string, Row> {
  const base = (pick: Pick) => median(runs.baseline.map(pick));
  const delta = (variant: Variant, pick: Pick, budget: number | undefined, unit = ms): Row => {
    const zero = base(pick);
    const values = runs[variant].map(pick);
    const measured = median(values) - zero;
    return {
      budget: budget === undefined ? '—' : `≤ ${unit(budget).replace('+', '')}`,
      measured: unit(measured),
      'p25–p75': `${unit(quantile(values, 0.25) - zero)} … ${unit(quantile(values, 0.75) - zero)}`,
      baseline: unit(zero).replace('+', ''),
      mark: mark(measured, budget),
    };
  };
  const script: Pick = (r) => r.scriptMs;
  const tbt: Pick = (r) => r.tbtMs;
  const fcp: Pick = (r) => r.fcpMs;
  const byLoad: Pick = (r) => gzipTotal(r.jsByLoad, gzipBytes);
  const all: Pick = (r) => gzipTotal(r.jsAll, gzipBytes);
  return {
    'floating: script time': delta('floating', script, PAGE_BUDGETS.floatingScriptMs),
    'floating: total blocking time': delta('floating', tbt, PAGE_BUDGETS.floatingTbtMs),
    'floating: first contentful paint delay': delta(
      'floating',
      fcp,
      PAGE_BUDGETS.floatingFcpDelayMs,
    ),
    'floating: JS by load (gzip)': delta(
      'floating',
      byLoad,
      PAGE_BUDGETS.floatingJsByLoadGzip,
      bytes,
    ),
    'floating: first open, click → field': openRow(runs.floating, PAGE_BUDGETS.floatingFirstOpenMs),
    [`floating: first open, click ${hovered.hoverMs} ms after the hover`]: openRow(
      hovered.loads,
      undefined,
    ),
    'floating: all JS once open (gzip)': delta(
      'floating',
      all,
      PAGE_BUDGETS.floatingJsOpenGzip,
      bytes,
    ),
    'inline: cumulative layout shift (worst load)': clsRow(runs.inline, runs.baseline),
    'inline, target sized by the site: CLS (worst load)': clsRow(
      runs['inline-sized'],
      runs.baseline,
    ),
    'inline: total blocking time': delta('inline', tbt, PAGE_BUDGETS.inlineTbtMs),
    'inline: script time': delta('inline', script, undefined),
    'inline: first contentful paint delay': delta('inline', fcp, undefined),
    'inline: JS by load (gzip)': delta('inline', byLoad, undefined, bytes),
  };
}
