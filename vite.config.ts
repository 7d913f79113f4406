import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';

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

// Both outputs share these: terser with 3 passes and the unsafe rewrites is ~1% smaller in gzip
// than the default (scripts/bundle-report.ts). ascii_only escapes the Arabic and Hindi texts, so a
// relay or CDN serving a file without a charset cannot garble them (and \uXXXX runs happen to gzip
// smaller than UTF-8 here). Classic JSX with preact's h, as in tsconfig.json: preact/jsx-runtime
// would add ~75 B gzip.
function widgetBuild(entry: string, name: string, fileName: string): InlineConfig {
  return {
    configFile: false,
    plugins: [zodLocalConfig()],
    logLevel: 'warn',
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2020',
      sourcemap: false,
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
      // Each IIFE exports nothing: the loader installs window.EleapiLeads itself, only if absent,
      // and the chunk registers through a document event (src/widget/form-seam.ts).
      lib: { entry, formats: ['iife'], name, fileName: () => fileName },
    },
    oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } },
  };
}

// The form chunk, built first (unwritten), named by its content hash so it can be cached for a
// year, written next to the loader; older chunks in dist/ are removed. The loader's build then
// gets the name as __ELEAPI_FORM_CHUNK__ (src/widget/loader/chunk-file.ts).
function formChunk(): Plugin {
  return {
    name: 'eleapi-form-chunk',
    async config() {
      const config = widgetBuild('src/widget/form/main.ts', 'EleapiLeadsForm', 'form.js');
      const output = await build({ ...config, build: { ...config.build, write: false } });
      const [result] = Array.isArray(output) ? output : [output];
      const chunk = result && 'output' in result ? result.output[0] : undefined;
      if (chunk?.type !== 'chunk') throw new Error('eleapi-form-chunk: no chunk built');
      const hash = createHash('sha256').update(chunk.code).digest('hex').slice(0, 10);
      const file = `eleapi-leads.form.${hash}.js`;
      mkdirSync('dist', { recursive: true });
      for (const old of readdirSync('dist', { withFileTypes: true })) {
        if (/^eleapi-leads\.form\.\w+\.js$/.test(old.name)) rmSync(`dist/${old.name}`);
      }
      writeFileSync(`dist/${file}`, chunk.code);
      return { define: { __ELEAPI_FORM_CHUNK__: JSON.stringify(file) } };
    },
  };
}

// Builds the drop-in widget: the loader at dist/eleapi-leads.js (the only URL a site types) and
// the form chunk it fetches, dist/eleapi-leads.form.<hash>.js (ARCHITECTURE.md "Loader and form
// chunk"). The relay's own build is `tsc -p tsconfig.build.json` (see package.json).
export default defineConfig(() => {
  const loader = widgetBuild('src/widget/loader/main.ts', 'EleapiLeadsBundle', 'eleapi-leads.js');
  return { ...loader, plugins: [formChunk()] };
});
