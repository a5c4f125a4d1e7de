import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const packagesDir = fileURLToPath(new URL('./packages/', import.meta.url));

/** Every workspace package with a TypeScript entry (`src/index.ts`): its npm name → that entry. */
const sourceEntries = readdirSync(packagesDir)
  .filter((dir) => existsSync(`${packagesDir}${dir}/src/index.ts`))
  .map((dir) => ({
    name: (JSON.parse(readFileSync(`${packagesDir}${dir}/package.json`, 'utf8')) as { name: string }).name,
    entry: `${packagesDir}${dir}/src/index.ts`,
  }));

/** Tests run against the TypeScript sources, so `npm test` needs no build step for them. */
export default defineConfig({
  resolve: {
    // Exact matches only: subpath entries such as '@immunotwin/worker/node' resolve to the built package.
    alias: sourceEntries.map(({ name, entry }) => ({
      find: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`),
      replacement: entry,
    })),
  },
  test: {
    // Outside-plugin examples (not workspaces) are tested here too, against the engine's sources.
    include: ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'threads',
    // vitest's default is one worker per core less one: a single worker on a 2-core CI machine. Most test time is
    // CPU-bound model runs in separate files, so every core runs a file.
    maxWorkers: availableParallelism(),
  },
});
