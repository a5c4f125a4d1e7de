/**
 * A real one-node SLURM for tests: its own munged (key and socket in a temporary directory), slurmctld and
 * slurmd on free ports, configured by a slurm.conf that client commands find through SLURM_CONF. Nothing
 * outside the temporary directory is touched, so a system munged or SLURM on the same machine is left alone.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { availableParallelism, hostname, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startDaemon, stopDaemon } from './daemons.js';
import { oneNodeSlurmConf } from './slurmConf.js';
import type { SlurmPrograms } from './slurmPrograms.js';
import { waitFor } from './waitFor.js';

const run = promisify(execFile);

/** Job states after which a SLURM job does nothing more. */
const FINISHED_STATES = new Set([
  'COMPLETED',
  'FAILED',
  'CANCELLED',
  'TIMEOUT',
  'NODE_FAIL',
  'PREEMPTED',
  'BOOT_FAIL',
  'DEADLINE',
  'OUT_OF_MEMORY',
]);

/** One job or array task as squeue lists it. */
export interface JobRecord {
  /** The job id, or for an array task the array's job id. */
  jobId: string;
  /** The array task id, or undefined for a job that is not part of an array. */
  taskId: number | undefined;
  name: string;
  state: string;
}

/** A TCP port that nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A one-node SLURM cluster in a temporary directory; `start` runs it, `stop` ends it and removes the directory. */
export class SlurmCluster {
  /** The temporary directory: configuration, state, logs and room for the test's own files. */
  dir = '';

  constructor(private readonly programs: SlurmPrograms) {}

  private get mungeDir(): string {
    return join(this.dir, 'munge');
  }

  /** The environment for client commands and jobs: `SLURM_CONF` set, any outer SLURM job's variables removed. */
  env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    const inherited = Object.entries(process.env).filter(([name]) => !name.startsWith('SLURM_'));
    return { ...Object.fromEntries(inherited), ...extra, SLURM_CONF: join(this.dir, 'slurm.conf') };
  }

  /** Starts munged, slurmctld and slurmd, and waits until sinfo shows the node idle. */
  async start(): Promise<void> {
    this.dir = await mkdtemp(join(tmpdir(), 'immunotwin-slurm-'));
    await mkdir(this.mungeDir, { mode: 0o755 });
    for (const sub of ['state', 'spool', 'log']) await mkdir(join(this.dir, sub));
    const keyFile = join(this.mungeDir, 'munge.key');
    await writeFile(keyFile, randomBytes(1024), { mode: 0o600 });
    const mungeSocket = join(this.mungeDir, 'munge.socket');
    const env = this.env();
    await startDaemon(
      this.programs.munged,
      [
        '--force',
        `--socket=${mungeSocket}`,
        `--key-file=${keyFile}`,
        `--pid-file=${join(this.mungeDir, 'munged.pid')}`,
        `--log-file=${join(this.mungeDir, 'munged.log')}`,
        `--seed-file=${join(this.mungeDir, 'munged.seed')}`,
      ],
      join(this.mungeDir, 'munged.pid'),
      env,
    );
    const host = hostname().split('.')[0]!;
    const conf = oneNodeSlurmConf({
      dir: this.dir,
      host,
      cpus: availableParallelism(),
      slurmctldPort: await freePort(),
      slurmdPort: await freePort(),
      mungeSocket,
    });
    await writeFile(env.SLURM_CONF!, conf);
    await startDaemon(this.programs.slurmctld, ['-f', env.SLURM_CONF!], join(this.dir, 'slurmctld.pid'), env);
    await startDaemon(this.programs.slurmd, ['-f', env.SLURM_CONF!], join(this.dir, 'slurmd.pid'), env);
    try {
      await waitFor(
        `sinfo to show node ${host} idle`,
        async () => {
          const { stdout } = await run(this.programs.sinfo, ['-h', '-N', '-n', host, '-o', '%T'], { env }).catch(
            () => ({ stdout: '' }),
          );
          return stdout.trim() === 'idle' ? true : undefined;
        },
        { timeoutMs: 30_000 },
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${await this.logs()}`);
    }
  }

  /** Every job and array task of `jobId` as squeue lists it, finished ones included. */
  async jobs(jobId: string): Promise<JobRecord[]> {
    const { stdout } = await run(this.programs.squeue, ['-h', '-r', '-t', 'all', '-j', jobId, '-o', '%F|%K|%j|%T'], {
      env: this.env(),
    });
    return stdout
      .trim()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => {
        const [arrayJobId, taskId, name, state] = line.split('|') as [string, string, string, string];
        return { jobId: arrayJobId, taskId: /^\d+$/.test(taskId) ? Number(taskId) : undefined, name, state };
      });
  }

  /** Waits until every task of job `jobId` has finished (completed or not); returns them. */
  async waitForJob(jobId: string, timeoutMs: number): Promise<JobRecord[]> {
    return waitFor(
      `job ${jobId} to finish`,
      async () => {
        const records = await this.jobs(jobId);
        return records.length > 0 && records.every((r) => FINISHED_STATES.has(r.state)) ? records : undefined;
      },
      { timeoutMs, intervalMs: 250 },
    );
  }

  /** The ends of the daemons' logs, for error messages. */
  async logs(): Promise<string> {
    const files = ['log/slurmctld.log', 'log/slurmd.log', 'munge/munged.log'];
    const tails = await Promise.all(
      files.map(async (file) => {
        const text = await readFile(join(this.dir, file), 'utf8').catch(() => '(none)');
        return `--- ${file}\n${text.split('\n').slice(-15).join('\n')}`;
      }),
    );
    return tails.join('\n');
  }

  /** Cancels any jobs left, stops the daemons that `start` started (by their pid files) and removes the directory. */
  async stop(): Promise<void> {
    if (this.dir === '') return;
    await run(this.programs.scancel, ['--user', userInfo().username], { env: this.env() }).catch(() => undefined);
    await stopDaemon(join(this.dir, 'slurmd.pid'), 'slurmd');
    await stopDaemon(join(this.dir, 'slurmctld.pid'), 'slurmctld');
    await stopDaemon(join(this.mungeDir, 'munged.pid'), 'munged');
    await rm(this.dir, { recursive: true, force: true });
    this.dir = '';
  }
}
