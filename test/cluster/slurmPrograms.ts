/** Finding the SLURM and MUNGE programs a one-node cluster needs, and saying why it cannot start without them. */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The programs the test cluster runs: the daemons and the client commands. */
export const SLURM_PROGRAMS = ['munged', 'slurmctld', 'slurmd', 'sbatch', 'squeue', 'sinfo', 'scancel'] as const;

/** One of {@link SLURM_PROGRAMS}. */
export type SlurmProgram = (typeof SLURM_PROGRAMS)[number];

/** Each program's absolute path. */
export type SlurmPrograms = Record<SlurmProgram, string>;

/** Debian installs the daemons in sbin directories, which many users' PATH leaves out. */
const SBIN_DIRECTORIES = ['/usr/sbin', '/sbin'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The programs found on `path` (then in the sbin directories), or the names of those that are missing. */
export function findSlurmPrograms(
  path = process.env.PATH ?? '',
): { programs: SlurmPrograms; missing: [] } | { programs: undefined; missing: SlurmProgram[] } {
  const directories = [...path.split(delimiter).filter((dir) => dir !== ''), ...SBIN_DIRECTORIES];
  const found: Partial<SlurmPrograms> = {};
  const missing: SlurmProgram[] = [];
  for (const name of SLURM_PROGRAMS) {
    const location = directories.map((dir) => join(dir, name)).find(isExecutable);
    if (location === undefined) missing.push(name);
    else found[name] = location;
  }
  return missing.length === 0 ? { programs: found as SlurmPrograms, missing: [] } : { programs: undefined, missing };
}

/** Why a one-node SLURM cannot be started here (programs missing, not root), or undefined when it can. */
export function slurmUnavailable(path = process.env.PATH ?? ''): string | undefined {
  const { missing } = findSlurmPrograms(path);
  if (missing.length > 0) {
    return `SLURM is not installed here (not found: ${missing.join(', ')}); install it with \`apt-get install slurm-wlm munge\` (Debian or Ubuntu, as root)`;
  }
  if (process.getuid?.() !== 0) return 'the one-node SLURM runs its daemons as root, and this is not root';
  return undefined;
}
