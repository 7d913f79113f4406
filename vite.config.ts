import { defineConfig, type Plugin } from 'vite';

// zod keeps its config on globalThis.__zod_globalConfig. In the drop-in bundle that is a second
// global, shared with any zod the host page runs (its z.config() would change our messages).
// Keep it module-local; fail the build if zod's code changed so the rewrite no longer applies.
function zodLocalConfig(): Plugin {
  return {
    name: 'zod-local-config',
    transform(code, id) {
      if (!/[\\/]zod[\\/]v4[\\/]core[\\/]core\.js$/.test(id)) return null;
      const local = code
        .replace(
          /\(_a = globalThis\)\.__zod_globalConfig \?\? \(_a\.__zod_globalConfig = \{\}\);\s*export const globalConfig = globalThis\.__zod_globalConfig;/,
          'export const globalConfig = {};',
        )
        .replaceAll('globalThis.__zod_globalConfig?.', 'globalConfig.');
      if (local.includes('__zod_globalConfig')) {
        this.error('zod-local-config: zod/v4/core/core.js changed; update the rewrite');
      }
      return { code: local, map: null };
    },
  };
}

// The widget runs its field schemas through zod's `_zod.run` alone (src/widget/ui/validate-form.ts):
// never parse, safeParse, Standard Schema or codecs. Cutting those from the bundle saves ~1 KB
// gzip. Each cut runs from one marker up to another, both found exactly once, so a zod update that
// moves them fails the build here instead of shipping a half-trimmed zod.
const ZOD_CUTS: [file: string, from: string, to: string][] = [
  // ZodMiniType's `with` alias and parse family; `check` and `clone` stay.
  ['mini/schemas.js', '    // `with` is an alias', '    check(...checks) {'],
  ['mini/schemas.js', '    brand() {', '});\nexport const ZodMiniString '],
  // $ZodType's codec (backward) pass and its lazy Standard Schema getter.
  ['core/schemas.js', '            if (ctx.direction === "backward") {', '            // forward'],
  ['core/schemas.js', ', {\n    // Wrappers extend this', ');\n/** The Standard Schema surface'],
];

function zodWidgetTrim(): Plugin {
  return {
    name: 'zod-widget-trim',
    transform(code, id) {
      const path = id.replaceAll('\\', '/');
      const cuts = ZOD_CUTS.filter(([file]) => path.endsWith(`/zod/v4/${file}`));
      if (!cuts.length) return null;
      let trimmed = code;
      for (const [file, from, to] of cuts) {
        const start = trimmed.indexOf(from);
        const end = trimmed.indexOf(to, start);
        if (start < 0 || end < 0 || trimmed.includes(from, start + 1)) {
          this.error(`zod-widget-trim: zod/v4/${file} changed near ${JSON.stringify(from)}`);
        }
        trimmed = trimmed.slice(0, start) + trimmed.slice(end);
      }
      return { code: trimmed, map: null };
    },
  };
}

// Builds the drop-in widget: one self-contained IIFE at dist/eleapi-leads.js.
// The relay's own build is `tsc -p tsconfig.build.json` (see package.json).
export default defineConfig({
  plugins: [zodLocalConfig(), zodWidgetTrim()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2020',
    sourcemap: false,
    // Measured on the whole widget (scripts/bundle-report.ts): terser with 3 passes and the
    // unsafe rewrites is ~1% smaller in gzip than the default. ascii_only escapes the Arabic and
    // Hindi texts, so a relay or CDN serving the file without a charset cannot garble them (and
    // \uXXXX runs happen to gzip smaller than UTF-8 here).
    minify: 'terser',
    terserOptions: {
      ecma: 2020,
      toplevel: true,
      compress: {
        passes: 3,
        unsafe: true,
        unsafe_arrows: true,
        unsafe_methods: true,
        pure_getters: true,
      },
      mangle: true,
      format: { ascii_only: true },
    },
    lib: {
      entry: 'src/widget/main.ts',
      formats: ['iife'],
      // The IIFE exports nothing; the widget installs window.EleapiLeads itself, only if absent.
      name: 'EleapiLeadsBundle',
      fileName: () => 'eleapi-leads.js',
    },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
});
