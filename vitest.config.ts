import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@prongsai\/core$/, replacement: fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)) },
      {
        find: /^@prongsai\/core\/thai$/,
        replacement: fileURLToPath(new URL('./packages/core/src/thai/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    env: { TZ: 'Asia/Bangkok' },
    testTimeout: 30_000,
    // A suite's setup loads the demo; on a busy machine PostgreSQL takes longer than the 10 s default.
    hookTimeout: 60_000,
    // The demo is loaded once per run and engine, then copied into each suite (test-support/demo-images.ts).
    globalSetup: ['packages/server/src/test-support/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          // Each suite has its own in-memory SQLite and its own PostgreSQL schema, so files share the cores.
          name: 'suites',
          include: ['packages/*/src/**/*.test.ts'],
          exclude: ['packages/server/src/documents/**'],
          maxWorkers: Math.max(2, availableParallelism()),
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          // Chromium, LibreOffice and the PDF renders are heavy: they run after the rest, two files at a
          // time, with twice the time a test may take before it counts as hung.
          name: 'renders',
          include: ['packages/server/src/documents/**/*.test.ts', 'packages/web/e2e/**/*.test.ts'],
          maxWorkers: 2,
          testTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
