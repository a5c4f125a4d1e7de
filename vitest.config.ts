import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string): string => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

/** Tests run against the TypeScript sources, so `npm test` needs no build step for them. */
export default defineConfig({
  resolve: {
    // Exact matches only: subpath entries such as '@immunotwin/worker/node' resolve to the built package.
    alias: ['engine', 'model-within-host', 'model-immune', 'models', 'worker', 'kernel', 'widgets'].map((pkg) => ({
      find: new RegExp(`^@immunotwin/${pkg}$`),
      replacement: src(pkg),
    })),
  },
  test: {
    // Outside-plugin examples (not workspaces) are tested here too, against the engine's sources.
    include: ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'threads',
  },
});
