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
    include: ['packages/*/src/**/*.test.ts', 'packages/*/e2e/**/*.test.ts'],
    env: { TZ: 'Asia/Bangkok' },
    testTimeout: 30_000,
    // A suite's setup loads the demo; on a busy machine PostgreSQL takes longer than the 10 s default.
    hookTimeout: 60_000,
  },
});
