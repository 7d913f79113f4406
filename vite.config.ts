import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';
import { localeScript } from './src/widget/form/locale-file.ts';
import * as locales from './src/widget/form/locales/index.ts';

/**
 * The form's content hash: of the chunk's code, then each file beside it (locale files and
 * pieces) by name, so one hash names them all (test/build checks it).
 */
export function formHash(chunk: string, files: { name: string; code: string }[]): string {
  const hash = createHash('sha256').update(chunk);
  const byName = [...files].sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const { name, code } of byName) hash.update(`\n${name}\n${code}`);
  return hash.digest('hex').slice(0, 10);
}

/** The form chunk's pieces (src/widget/pieces/piece-file.ts), by name: each entry's file. */
export const FORM_PIECES = {
  fields: 'src/widget/pieces/fields.ts',
  open: 'src/widget/pieces/open.ts',
  pow: 'src/widget/pieces/pow.ts',
} as const;

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
export function widgetBuild(entry: string, name: string, fileName: string): InlineConfig {
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

// One IIFE built unwritten (the chunk, or a piece): its code.
async function builtCode(
  config: InlineConfig,
  define: Record<string, string> = {},
): Promise<string> {
  const output = await build({ ...config, define, build: { ...config.build, write: false } });
  const [result] = Array.isArray(output) ? output : [output];
  const chunk = result && 'output' in result ? result.output[0] : undefined;
  if (chunk?.type !== 'chunk') throw new Error('eleapi-form-chunk: nothing built');
  return chunk.code;
}

// The form chunk, built first (unwritten), named by its content hash so it can be cached for a
// year, written next to the loader; older chunks in dist/ are removed. The loader's build then
// gets the name as __ELEAPI_FORM_CHUNK__ (src/widget/loader/chunk-file.ts). Beside it, one file
// per locale but English, eleapi-leads.form.<hash>.<locale>.js (src/widget/form/locale-texts.ts),
// and one per piece, eleapi-leads.form.<hash>.<piece>.js (src/widget/pieces/piece-file.ts), the
// chunk's name with the locale or piece: the hash is of the chunk and every file beside it.
function formChunk(): Plugin {
  return {
    name: 'eleapi-form-chunk',
    async config() {
      const texts = Object.entries(locales)
        .filter(([locale]) => locale !== 'en')
        .map(([locale, table]) => ({ name: locale, code: localeScript(locale, table) }));
      const code = await builtCode(
        widgetBuild('src/widget/form/main.ts', 'EleapiLeadsForm', 'form.js'),
        { __ELEAPI_LOCALE_FILES__: JSON.stringify(texts.map(({ name }) => name)) },
      );
      const pieces = await Promise.all(
        Object.entries(FORM_PIECES).map(async ([name, entry]) => ({
          name,
          code: await builtCode(widgetBuild(entry, 'EleapiLeadsPiece', `${name}.js`)),
        })),
      );
      const beside = [...texts, ...pieces];
      const hash = formHash(code, beside);
      const file = `eleapi-leads.form.${hash}.js`;
      mkdirSync('dist', { recursive: true });
      for (const old of readdirSync('dist', { withFileTypes: true })) {
        if (/^eleapi-leads\.form\.\w+(\.[a-z]+)?\.js$/.test(old.name)) rmSync(`dist/${old.name}`);
      }
      for (const { name, code: besideCode } of beside) {
        writeFileSync(`dist/eleapi-leads.form.${hash}.${name}.js`, besideCode);
      }
      writeFileSync(`dist/${file}`, code);
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
