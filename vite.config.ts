import { defineConfig } from 'vite';

// Builds the drop-in widget: one self-contained IIFE at dist/eleapi-leads.js.
// The relay's own build is `tsc -p tsconfig.build.json` (see package.json).
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2020',
    sourcemap: false,
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
