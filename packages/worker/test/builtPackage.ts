import { afterAll, beforeAll } from 'vitest';
import { builtInDescriptors } from '@immunotwin/models';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Builds this package and imports its built Node entry: worker threads run the built package (plain Node cannot
 * load TypeScript). The build's output is in the error when it fails.
 */
export async function importBuiltNodeEntry(): Promise<typeof import('../src/node.js')> {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-b', 'packages/worker'], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`building packages/worker failed:\n${String(stdout ?? '')}${String(stderr ?? '')}`);
  }
  return (await import(new URL('../lib/node.js', import.meta.url).href)) as typeof import('../src/node.js');
}

/**
 * Node worker pools of the built package with the built-in models, for one test file: the package is built before
 * its tests, and every pool made is disposed after them. Call at the top of the file; `pool(size)` inside tests.
 */
export function builtNodePools(): { pool(size: number): import('../src/pool/workerPool.js').WorkerPool } {
  let createNodePool: typeof import('../src/node.js').createNodePool;
  const pools: import('../src/pool/workerPool.js').WorkerPool[] = [];
  beforeAll(async () => {
    ({ createNodePool } = await importBuiltNodeEntry());
  }, 120_000);
  afterAll(() => pools.forEach((pool) => pool.dispose()));
  return {
    pool(size) {
      const made = createNodePool({ plugins: builtInDescriptors, size });
      pools.push(made);
      return made;
    },
  };
}
