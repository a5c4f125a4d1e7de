/**
 * The Kubernetes Indexed Job of docs/cluster.md runs the same sweep command as its SLURM array script, with the
 * completion index and the shard count in place of SLURM's array variables.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { clusterDocBlock, commandLine } from './docBlocks.js';

/** The parts of an Indexed Job manifest that the check reads. */
interface IndexedJob {
  apiVersion: string;
  kind: string;
  spec: {
    completionMode: string;
    completions: number;
    template: {
      spec: {
        restartPolicy: string;
        containers: { command: string[]; env?: { name: string; value: string }[] }[];
      };
    };
  };
}

describe('the Kubernetes Indexed Job in docs/cluster.md', () => {
  const job = parse(clusterDocBlock('sweep-job.yaml')) as IndexedJob;
  const [container] = job.spec.template.spec.containers;

  it('is an Indexed Job whose SHARDS is its number of completions', () => {
    expect([job.apiVersion, job.kind, job.spec.completionMode]).toEqual(['batch/v1', 'Job', 'Indexed']);
    expect(['Never', 'OnFailure']).toContain(job.spec.template.spec.restartPolicy);
    expect(job.spec.template.spec.containers).toHaveLength(1);
    expect(container!.env?.find((variable) => variable.name === 'SHARDS')?.value).toBe(String(job.spec.completions));
  });

  it('gives each pod as many sweep workers as the CPUs it requests', () => {
    const spec = container as unknown as { resources: { requests: { cpu: string } } };
    expect(container!.env?.find((variable) => variable.name === 'WORKERS')?.value).toBe(spec.resources.requests.cpu);
  });

  it('runs, through a shell, the sbatch script’s sweep command line with the index variable swapped', () => {
    const slurmSweep = commandLine(clusterDocBlock('sweep.sbatch'), 'immunotwin sweep');
    expect(slurmSweep).toContain('--shard "$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT"');
    const [shell, option, script] = container!.command;
    expect([shell, option]).toEqual(['/bin/sh', '-c']);
    expect(commandLine(script!, 'immunotwin sweep')).toBe(
      slurmSweep
        .replaceAll('$SLURM_ARRAY_TASK_ID', '$JOB_COMPLETION_INDEX')
        .replaceAll('$SLURM_ARRAY_TASK_COUNT', '$SHARDS')
        .replaceAll('$SLURM_CPUS_PER_TASK', '$WORKERS'),
    );
  });
});
