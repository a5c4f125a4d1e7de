import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string): string => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

/** Tests run against the TypeScript sources, so `npm test` needs no build step for them. */
export default defineConfig({
  resolve: {
    alias: {
      '@immunotwin/engine': src('engine'),
      '@immunotwin/model-within-host': src('model-within-host'),
      '@immunotwin/worker': src('worker'),
      '@immunotwin/kernel': src('kernel'),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'threads',
  },
});
