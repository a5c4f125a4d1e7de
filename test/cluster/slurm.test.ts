/**
 * End to end on a real one-node SLURM: the sbatch scripts of docs/cluster.md, submitted as that page says, run
 * a design as a 4-task job array and a dependent merge, and the merged table has the bytes of one machine's.
 * Skipped (saying how to install SLURM) where the SLURM programs are missing, unless IMMUNOTWIN_REQUIRE_SLURM=1.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterDocBlock } from './docBlocks.js';
import { installImmunotwinBin } from './immunotwinBin.js';
import { SlurmCluster } from './slurmCluster.js';
import { findSlurmPrograms, slurmUnavailable } from './slurmPrograms.js';

const run = promisify(execFile);
const design = fileURLToPath(new URL('../../examples/sweep-tcl-lhs.json', import.meta.url));
/** Array tasks, and so shards, of the test's job array. */
const SHARDS = 4;
const TASK_IDS = Array.from({ length: SHARDS }, (_, i) => i);
/** Runs × replicates of examples/sweep-tcl-lhs.json: the rows of the merged table. */
const ROWS = 16 * 3;

const unavailable = slurmUnavailable();
const required = process.env.IMMUNOTWIN_REQUIRE_SLURM === '1';

let cluster: SlurmCluster | undefined;
/** The study directory: design.json, the two scripts; the jobs write parts/, logs and results.parquet here. */
let study = '';
let immunotwin = '';
/** What a user's shell would have: `immunotwin`, node and the SLURM commands on PATH, SLURM_CONF set. */
let userEnv: NodeJS.ProcessEnv = {};

beforeAll(async () => {
  if (unavailable !== undefined) {
    if (required) throw new Error(`IMMUNOTWIN_REQUIRE_SLURM=1, but ${unavailable}`);
    console.warn(
      `skipping the SLURM end-to-end test: ${unavailable} (IMMUNOTWIN_REQUIRE_SLURM=1 makes this a failure)`,
    );
    return;
  }
  const programs = findSlurmPrograms().programs!;
  cluster = new SlurmCluster(programs);
  await cluster.start();
  const bin = await installImmunotwinBin(cluster.dir);
  immunotwin = join(bin, 'immunotwin');
  const programDirs = [...new Set(Object.values(programs).map((program) => dirname(program)))];
  userEnv = cluster.env({ PATH: [bin, dirname(process.execPath), ...programDirs, process.env.PATH].join(delimiter) });
  study = join(cluster.dir, 'study');
  await mkdir(study);
  await copyFile(design, join(study, 'design.json'));
  for (const script of ['sweep.sbatch', 'merge.sbatch']) await writeFile(join(study, script), clusterDocBlock(script));
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
}, 60_000);

/** Every SLURM output file (`*.out`) in the study directory with its text, for assertions and error messages. */
async function jobOutputs(): Promise<Map<string, string>> {
  const names = (await readdir(study)).filter((name) => name.endsWith('.out')).sort();
  return new Map(
    await Promise.all(names.map(async (name) => [name, await readFile(join(study, name), 'utf8')] as const)),
  );
}

/** The jobs' output files and the daemons' logs, to explain a failure. */
async function diagnostics(slurm: SlurmCluster): Promise<string> {
  const outputs = [...(await jobOutputs())].map(([name, text]) => `--- ${name}\n${text}`).join('\n');
  return `${outputs}\n${await slurm.logs()}`;
}

describe('a sweep as a SLURM job array (docs/cluster.md)', () => {
  it('runs the documented scripts as 4 array tasks and a dependent merge, giving one machine’s bytes', async (ctx) => {
    const slurm = cluster;
    if (slurm === undefined) return ctx.skip(unavailable);

    // The submit block as documented, with the number of shards set to 4.
    const submit = clusterDocBlock('submit.sh');
    expect(submit).toMatch(/^shards=\d+$/m);
    const submitted = await run('bash', ['-eu', '-c', submit.replace(/^shards=\d+$/m, `shards=${SHARDS}`)], {
      cwd: study,
      env: userEnv,
    });
    const mergeJobId = /^Submitted batch job (\d+)$/m.exec(submitted.stdout)?.[1];
    expect(mergeJobId, submitted.stdout + submitted.stderr).toBeDefined();

    // The merge job waits for the whole array (afterok), so once it has finished every task has too.
    const [mergeJob] = await slurm.waitForJob(mergeJobId!, 90_000).catch(async (error: Error) => {
      throw new Error(`${error.message}\n${await diagnostics(slurm)}`);
    });
    expect(mergeJob?.state, await diagnostics(slurm)).toBe('COMPLETED');

    // Array tasks 0 to 3 of one array job, each wrote its log (sweep-%A_%a.out) naming its shard.
    const outputs = await jobOutputs();
    const taskLogs = [...outputs.keys()]
      .map((name) => /^sweep-(\d+)_(\d+)\.out$/.exec(name))
      .filter((match) => match !== null)
      .map((match) => ({ arrayJobId: match[1]!, taskId: Number(match[2]) }))
      .sort((a, b) => a.taskId - b.taskId);
    expect(taskLogs.map((log) => log.taskId)).toEqual(TASK_IDS);
    const arrayJobId = taskLogs[0]!.arrayJobId;
    expect(new Set(taskLogs.map((log) => log.arrayJobId))).toEqual(new Set([arrayJobId]));
    for (const { taskId } of taskLogs) {
      expect(outputs.get(`sweep-${arrayJobId}_${taskId}.out`)).toContain(
        `(shard ${taskId}/${SHARDS}, 1 worker); wrote parts/part-${taskId}.parquet`, // --workers "$SLURM_CPUS_PER_TASK"
      );
    }
    const tasks = (await slurm.jobs(arrayJobId)).sort((a, b) => (a.taskId ?? -1) - (b.taskId ?? -1));
    expect(tasks).toEqual(
      TASK_IDS.map((taskId) => ({ jobId: arrayJobId, taskId, name: 'immunotwin-sweep', state: 'COMPLETED' })),
    );
    expect((await readdir(join(study, 'parts'))).sort()).toEqual(TASK_IDS.map((i) => `part-${i}.parquet`));
    expect(outputs.get(`merge-${mergeJobId}.out`)).toBe(
      `merge: ${SHARDS} parts, ${ROWS} rows; wrote results.parquet\n`,
    );

    // The same design on one machine, without shards: the same bytes.
    await run(immunotwin, ['sweep', 'design.json', '--out', 'one-machine.parquet', '--quiet'], {
      cwd: study,
      env: userEnv,
    });
    const merged = await readFile(join(study, 'results.parquet'));
    const oneMachine = await readFile(join(study, 'one-machine.parquet'));
    expect(merged.equals(oneMachine)).toBe(true);
  }, 120_000);
});
