import { defineConfig } from 'vitest/config';

// Unit and integration tests. Browser tests (real Chromium) live in vitest.browser.config.ts.
export default defineConfig({
  // Classic JSX with preact's h, as in tsconfig.json: preact/jsx-runtime would add ~75 B gzip.
  oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'widget',
          include: ['test/widget/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            'test/shared/**/*.test.ts',
            'test/relay/**/*.test.ts',
            'test/sim/**/*.test.ts',
            'test/cli/**/*.test.ts',
            'test/build/**/*.test.ts',
            'test/_util/**/*.test.ts',
            'test/scripts/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
    ],
  },
});
