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
