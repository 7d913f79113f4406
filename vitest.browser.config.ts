import { defineConfig } from 'vitest/config';

// End-to-end tests: playwright-core drives Debian's Chromium against the built widget,
// the real relay and the stand-in API, all on 127.0.0.1.
export default defineConfig({
  test: {
    name: 'browser',
    include: ['test/browser/**/*.test.ts'],
    // Builds dist/eleapi-leads.js (and dist/node) once if missing or older than the sources.
    globalSetup: ['test/browser/global-setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // expect.poll's 1 s default is too tight for a round trip through Chromium and the relay
    // on two loaded cores; polls still end as soon as their condition holds.
    expect: { poll: { timeout: 10_000 } },
  },
});
