// What the widget costs the page it sits on (issue 10): a plain article without the widget,
// with the floating widget and with the inline form, loaded in Chromium in fresh contexts,
// variants interleaved, at 4× and 1× CPU. Script time is CDP's Performance.getMetrics
// ScriptDuration (cumulative, cheap, no tracing overhead in the measured window).
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../test/_util/browser.ts';
import { ROOT } from '../test/_util/build-fresh.ts';
import { type LoadReadings, measureLoad, WINDOW_AFTER_DRAWN_MS } from './page-cost-load.ts';
import { OTHER_LOADINGS, VARIANTS, type Variant } from './page-cost-pages.ts';
import { type PageCostServer, startPageCostServer } from './page-cost-server.ts';
import { clsRow, pageCostRows, type Runs } from './page-cost-table.ts';

const LOADS = Number(process.env.BENCH_PAGE_LOADS ?? 20);
const CPU_RATES = [4, 1];
// A mouse visitor's pointer rests on the launcher before the click: a second first-open row.
const HOVER_MS = 300;
// BENCH_INLINE_EMBEDS=1: the inline variants' layout shift with the tag loaded the other ways
// sites load it (blocking in <head>, async, injected by a script), at 4×.
const EMBEDS = process.env.BENCH_INLINE_EMBEDS === '1';
const INLINE_VARIANTS: Variant[] = ['inline', 'inline-sized'];

async function benchEmbeds(browser: Browser, server: PageCostServer): Promise<void> {
  const rows: Record<string, ReturnType<typeof clsRow>> = {};
  for (const loading of OTHER_LOADINGS) {
    const runs: Record<string, LoadReadings[]> = { inline: [], 'inline-sized': [] };
    for (let round = 0; round < LOADS; round++) {
      for (const variant of INLINE_VARIANTS) {
        const url = server.pageUrl(variant, loading);
        runs[variant]?.push(await measureLoad(browser, url, variant, 4));
      }
    }
    for (const variant of INLINE_VARIANTS) {
      rows[`${variant}, tag ${loading}: CLS (worst load)`] = clsRow(runs[variant] ?? [], []);
    }
  }
  console.log('\ninline layout shift by how the tag is loaded, at 4× CPU:');
  console.table(rows);
}

function describeFiles(server: PageCostServer, runs: Runs): string {
  const floating = runs.floating;
  const prefetched = floating.filter((r) => r.jsAfterLoad.length > 0).length;
  const files = [...new Set(floating.flatMap((r) => r.jsAll))]
    .map((path) => `${path} ${(server.gzipBytes.get(path) ?? 0).toLocaleString('en-US')} B`)
    .join(', ');
  const errors = VARIANTS.flatMap((v) => runs[v].flatMap((r) => r.errors));
  return [
    `JS files the floating page ends with (gzip -9): ${files}`,
    `floating loads with JS fetched after load inside the window (idle prefetch): ${prefetched}/${floating.length}`,
    `page errors: ${errors.length === 0 ? 'none' : [...new Set(errors)].join(' | ')}`,
  ].join('\n');
}

export async function benchPageCost(): Promise<void> {
  if (process.env.BENCH_PAGE_EMBEDS_ONLY === '1') return benchEmbedsOnly();
  const server = await startPageCostServer(ROOT);
  if (!server.gzipBytes.has('/eleapi-leads.js')) {
    await server.close();
    console.log('(g) page cost: dist/eleapi-leads.js not built (run npm run build:widget)');
    return;
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    console.log(
      `\n(g) page cost: article page, ${LOADS} fresh loads per variant, interleaved; medians as deltas against the no-widget page; window = navigation → ${WINDOW_AFTER_DRAWN_MS} ms after the widget is drawn and load fired`,
    );
    for (const rate of CPU_RATES) {
      const runs: Runs = { baseline: [], floating: [], inline: [], 'inline-sized': [] };
      const hovered: LoadReadings[] = [];
      // One discarded round first: the first loads after launch pay for the browser warming up.
      for (let round = rate === CPU_RATES[0] ? -1 : 0; round < LOADS; round++) {
        for (const variant of VARIANTS) {
          const readings: LoadReadings = await measureLoad(
            browser,
            server.pageUrl(variant),
            variant,
            rate,
          );
          if (round >= 0) runs[variant].push(readings);
        }
        const mouse = await measureLoad(
          browser,
          server.pageUrl('floating'),
          'floating',
          rate,
          HOVER_MS,
        );
        if (round >= 0) hovered.push(mouse);
      }
      console.log(`\nat ${rate}× CPU (CDP Emulation.setCPUThrottlingRate ${rate}):`);
      console.table(pageCostRows(runs, server.gzipBytes, { hoverMs: HOVER_MS, loads: hovered }));
      console.log(describeFiles(server, runs));
    }
    if (EMBEDS) await benchEmbeds(browser, server);
    const stray = server.strayRequests();
    console.log(
      `requests to the relay origin: ${stray.length === 0 ? 'none' : [...new Set(stray)].join(', ')}`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

// BENCH_PAGE_EMBEDS_ONLY=1: the embeds table alone, without the main runs.
async function benchEmbedsOnly(): Promise<void> {
  const server = await startPageCostServer(ROOT);
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    await benchEmbeds(browser, server);
  } finally {
    await browser.close();
    await server.close();
  }
}
