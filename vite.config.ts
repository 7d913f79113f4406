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

// Builds the drop-in widget: one self-contained IIFE at dist/eleapi-leads.js.
// The relay's own build is `tsc -p tsconfig.build.json` (see package.json).
export default defineConfig({
  plugins: [zodLocalConfig()],
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
      entry: 'src/widget/loader/main.ts',
      formats: ['iife'],
      // The IIFE exports nothing; the widget installs window.EleapiLeads itself, only if absent.
      name: 'EleapiLeadsBundle',
      fileName: () => 'eleapi-leads.js',
    },
  },
  // Classic JSX with preact's h, as in tsconfig.json: preact/jsx-runtime would add ~75 B gzip.
  oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } },
});
