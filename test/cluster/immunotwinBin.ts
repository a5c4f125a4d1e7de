/** The `immunotwin` command as a cluster node has it: the built CLI, alone in a directory to put on PATH. */
import { execFile } from 'node:child_process';
import { mkdir, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Builds the CLI (`tsc -b packages/cli`: a no-op when lib/ is up to date) and links its bin as `immunotwin` in
 * `<parent>/bin`, the way docs/cluster.md installs it; returns that directory.
 */
export async function installImmunotwinBin(parent: string): Promise<string> {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    await run(process.execPath, [tsc, '-b', 'packages/cli'], { cwd: root });
  } catch (error) {
    const output = (error as { stdout?: string }).stdout ?? String(error);
    throw new Error(`building the CLI with "tsc -b packages/cli" failed:\n${output}`);
  }
  const bin = join(parent, 'bin');
  await mkdir(bin, { recursive: true });
  await symlink(join(root, 'packages/cli/bin/immunotwin.js'), join(bin, 'immunotwin'));
  return bin;
}
