import { availableParallelism } from 'node:os';
import { integerOption, stringOption, type OptionSpec, type ParsedArgs } from './args.js';

/** `--workers n`: the worker threads of a pool (sweeps, fits). */
export const WORKERS_OPTION: OptionSpec = {
  name: 'workers',
  short: 'w',
  value: 'n',
  description: 'worker threads (default: the cores available to this process, e.g. SLURM_CPUS_PER_TASK)',
};

/** How many worker threads `--workers` asks for (default: the cores this process may use). */
export function workerCount(args: ParsedArgs): number {
  const text = stringOption(args, 'workers');
  return text === undefined
    ? availableParallelism()
    : integerOption(text, 'workers', 1, 1024, `a whole number of threads from 1 to 1024`);
}
