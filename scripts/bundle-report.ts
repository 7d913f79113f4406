// Where the widget bundle's bytes go: builds it the way vite.config.ts does, then prints each
// module's minified size and its gzip contribution (gzip of everything up to and including it,
// minus gzip of everything before it, in bundle order), and the real bundle's totals.
// Run: npx tsx scripts/bundle-report.ts [--all] [--chunk]   (--all lists every module, not just the
// top 40; --chunk reports the form chunk, src/widget/form/main.ts, instead of the loader)
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { minify } from 'terser';
import { build, type Rolldown } from 'vite';
import { widgetBuild } from '../vite.config.ts';

const root = new URL('..', import.meta.url).pathname;
const gzip = (text: string) => gzipSync(text, { level: 9 }).length;
const chunkOnly = process.argv.includes('--chunk');

async function bundle(minified: boolean): Promise<Rolldown.OutputChunk> {
  const form = widgetBuild('src/widget/form/main.ts', 'EleapiLeadsForm', 'form.js');
  const result = await build({
    ...(chunkOnly ? form : {}),
    root,
    logLevel: 'silent',
    build: {
      ...(chunkOnly ? form.build : {}),
      write: false,
      ...(minified ? {} : { minify: false }),
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if (!('output' in output)) continue;
    const chunk = output.output.find((item) => item.type === 'chunk');
    if (chunk) return chunk;
  }
  throw new Error('vite build gave no chunk');
}

const name = (id: string) =>
  relative(root, id)
    .replace(/^node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '')
    .replace(/\/dist\//, '/');

const [real, plain] = await Promise.all([bundle(true), bundle(false)]);
const rows: { module: string; raw: number; min: number; gz: number }[] = [];
let sofar = '';
let before = 0;
for (const [id, info] of Object.entries(plain.modules)) {
  if (!info.code) continue;
  // Top-level names cross modules in the bundle, so only locals are mangled here.
  const min = (await minify(info.code, { compress: { passes: 2 }, mangle: true })).code ?? '';
  sofar += min;
  const after = gzip(sofar);
  rows.push({ module: name(id), raw: info.code.length, min: min.length, gz: after - before });
  before = after;
}

const groups = new Map<string, number>();
for (const row of rows) {
  const group = row.module.startsWith('src/')
    ? row.module
        .split('/')
        .slice(0, row.module.includes('/ui/') ? 3 : 2)
        .join('/')
    : row.module.split('/')[0] === 'zod'
      ? `zod/${row.module.split('/').at(-2)}`
      : (row.module.split('/')[0] ?? row.module);
  groups.set(group, (groups.get(group) ?? 0) + row.gz);
}

const showAll = process.argv.includes('--all');
console.log('module'.padEnd(58), 'raw'.padStart(7), 'min'.padStart(7), 'gz+'.padStart(6));
for (const row of [...rows].sort((a, b) => b.gz - a.gz).slice(0, showAll ? undefined : 40)) {
  console.log(
    row.module.padEnd(58),
    String(row.raw).padStart(7),
    String(row.min).padStart(7),
    String(row.gz).padStart(6),
  );
}
console.log('\ngroup'.padEnd(59), 'gz+'.padStart(6));
for (const [group, gz] of [...groups].sort((a, b) => b[1] - a[1])) {
  console.log(group.padEnd(58), String(gz).padStart(6));
}
console.log(
  `\nsum of modules, minified one by one: ${sofar.length} bytes, ${gzip(sofar)} gzip -9`,
  `\n${chunkOnly ? 'the form chunk' : 'dist/eleapi-leads.js'} as built: ${real.code.length} bytes, ${gzip(real.code)} gzip -9`,
);
