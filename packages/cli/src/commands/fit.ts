import {
  ENGINE_VERSION,
  estimateParameters,
  parseFitResult,
  scenarioFitProblem,
  type FitProgress,
  type FitResult,
} from '@immunotwin/engine';
import { createNodePool } from '@immunotwin/worker/node';
import { poolTaskRunner, type IFitProblemSpec } from '@immunotwin/worker';
import { flag, integerOption, listOption, stringOption } from '../args.js';
import { writeFileAtomic } from '../atomicWrite.js';
import type { Command } from '../command.js';
import { aboutFile, ExitCode, UsageError } from '../errors.js';
import { parseEstimates } from '../fit/estimateOption.js';
import {
  jsonOutPath,
  PATIENT_DATA_OPTIONS,
  readPatientInputs,
  seedOption,
  seedOptionSpec,
} from '../fit/patientInputs.js';
import { PLUGIN_OPTION } from '../plugins.js';
import { ProgressReporter } from '../progress.js';
import { WORKERS_OPTION, workerCount } from '../workers.js';

/** The progress text of a fit, e.g. `fit: profiles 2/4 (1830 evaluations)` (evaluations made in this thread). */
export function fitProgressText(p: FitProgress): string {
  return `fit: ${p.stage} ${p.done}/${p.total}${p.evaluations > 0 ? ` (${p.evaluations} evaluations)` : ''}`;
}

/** `--level`: a confidence level in (0, 1). */
function levelOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const level = /^0?\.\d+$/.test(text) ? Number(text) : NaN;
  if (!(level > 0 && level < 1))
    throw new UsageError(`option --level must be a number between 0 and 1, e.g. 0.95; got "${text}"`);
  return level;
}

/** A number as the summary prints it: 4 significant digits. */
const short = (value: number): string => String(Number(value.toPrecision(4)));

/** The summary lines of a fit on stderr: each estimate with its interval, the −log L and AICc. */
function summary(fit: FitResult): string {
  const lines = fit.parameters.map((p) => {
    const profile = p.profile ? ` profile [${short(p.profile.lower)}, ${short(p.profile.upper)}]` : '';
    const bootstrap = p.bootstrap ? ` bootstrap [${short(p.bootstrap.lower)}, ${short(p.bootstrap.upper)}]` : '';
    return `  ${p.id} = ${short(p.estimate)}${p.unit && p.unit !== '1' ? ` ${p.unit}` : ''}${profile}${bootstrap}`;
  });
  const aicc = fit.aicc === null ? 'n/a (too few data points)' : short(fit.aicc);
  return [
    `fit: ${fit.method}, best of ${fit.starts.results.length} start${fit.starts.results.length === 1 ? '' : 's'}: −log L = ${short(fit.negLogLikelihood)}, AICc = ${aicc}; ${Math.round(fit.level * 100)} % intervals:`,
    ...lines,
    ...fit.warnings.map((w) => `  warning: ${w}`),
  ].join('\n');
}

/** `immunotwin fit`: fits a scenario's parameters to observed data and writes the fit result. */
export const fitCommand: Command = {
  name: 'fit',
  summary:
    'fit parameters of a scenario to observed data (multi-start, profile-likelihood and bootstrap intervals, AICc)',
  usage:
    'fit <scenario.json> --data <data.csv|fhir.json> --estimate <id[=lower:upper][:log|:linear]>… --out <fit.json> [--observation <model.json>] [--group <name>] [--starts n] [--seed n] [--bootstrap n] [--level x] [--no-profiles] [--workers n] [--plugin <…>]… [--quiet]',
  description: [
    'Fits the --estimate parameters of an ODE scenario to observed data and writes the fit result',
    '(schema/fit-result.schema.json): the estimates, every start of a multi-start search (the scenario',
    "defaults, then a seeded Latin hypercube over the bounds on each parameter's scale, run on a pool of worker",
    'threads), profile-likelihood confidence intervals, an optional parametric bootstrap, and the AICc.',
    'Least squares by Levenberg–Marquardt when every measurement has fixed Gaussian or log-normal noise and none',
    'is censored; maximum likelihood by Nelder–Mead otherwise. --data is an observations CSV (time or',
    'time_<unit>, observable, value, unit, detection_limit, group) or FHIR R4 Observations (.json).',
    '--observation names the observation model (schema/observation-model.schema.json); without it each',
    "observed X is the model's X and an observed log10X is log10 of the model's X, with Gaussian noise σ = 1",
    '(ordinary least squares; values at or below a detection limit are censored). --estimate without bounds',
    "searches the parameter's manifest range on its manifest scale. The results do not depend on the number of",
    'workers. The file is written atomically; progress goes to stderr.',
  ].join('\n'),
  options: [
    PATIENT_DATA_OPTIONS[0]!,
    {
      name: 'estimate',
      short: 'e',
      value: 'id[=lower:upper][:log|:linear]',
      repeatable: true,
      description: 'a parameter to estimate, with its bounds and scale (repeat for each)',
    },
    { name: 'out', short: 'o', value: 'file', description: 'the fit result, JSON (required)' },
    ...PATIENT_DATA_OPTIONS.slice(1),
    { name: 'starts', value: 'n', description: 'starts of the multi-start search (default 8)' },
    seedOptionSpec('the starts and the bootstrap'),
    { name: 'bootstrap', value: 'n', description: 'parametric bootstrap replicates (default 0: none)' },
    { name: 'level', value: 'x', description: 'confidence level of the intervals (default 0.95)' },
    { name: 'no-profiles', description: 'skip the profile-likelihood intervals' },
    WORKERS_OPTION,
    PLUGIN_OPTION,
    { name: 'quiet', short: 'q', description: 'print no progress or summary on stderr' },
  ],
  positionals: { min: 1, max: 1, name: 'scenario file' },

  async run(args, context) {
    const { io } = context;
    const file = args.positionals[0]!;
    const starts = integerOption(
      stringOption(args, 'starts') ?? '8',
      'starts',
      1,
      10000,
      'a whole number from 1 to 10000',
    );
    const seed = seedOption(args);
    const bootstrapText = stringOption(args, 'bootstrap');
    const bootstrap =
      bootstrapText === undefined
        ? 0
        : integerOption(bootstrapText, 'bootstrap', 2, 100000, 'a whole number of replicates from 2 to 100000');
    const level = levelOption(stringOption(args, 'level'));
    const workers = workerCount(args);
    const { out, path: outPath } = await jsonOutPath(args, context, 'fit', 'fit');
    const { plugins, scenario, plugin, manifest, data, dataFile, observation } = await readPatientInputs(
      args,
      context,
      'fit',
    );
    const parameters = parseEstimates(listOption(args, 'estimate'), manifest);
    const spec: IFitProblemSpec = { experiments: [{ scenario, data }], observation, parameters };
    const problem = await aboutFile(file, () => scenarioFitProblem({ plugin, ...spec }));
    if (bootstrap > 0 && !problem.resample)
      throw new UsageError('option --bootstrap: this problem cannot resample its data');

    const quiet = flag(args, 'quiet');
    const progress = new ProgressReporter(io.stderr, {
      mode: quiet ? 'off' : io.stderr.isTTY ? 'tty' : 'lines',
      describe: fitProgressText,
    });
    const pool = createNodePool({ plugins, size: Math.min(workers, Math.max(starts, parameters.length, bootstrap)) });
    const started = performance.now();
    let fit: FitResult;
    try {
      fit = await estimateParameters(problem, {
        starts,
        seed,
        bootstrap,
        level,
        profiles: !flag(args, 'no-profiles'),
        signal: io.signal,
        onProgress: (p) => progress.update(p),
        runTasks: poolTaskRunner(pool, spec),
      });
    } finally {
      progress.clear();
      pool.dispose();
    }
    const units = new Map(manifest.parameters.map((p) => [p.id, p.unit]));
    const document = parseFitResult({
      ...fit,
      engineVersion: ENGINE_VERSION,
      model: { id: manifest.id, title: manifest.title },
      scenario,
      data: { file: dataFile, observations: problem.observationCount },
      parameters: fit.parameters.map((p) => (units.has(p.id) ? { ...p, unit: units.get(p.id) } : p)),
    });
    await writeFileAtomic(outPath, `${JSON.stringify(document, null, 2)}\n`, out);
    if (!quiet) {
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      io.stderr.write(
        `${summary(document)}\nfit: done in ${seconds} s (${pool.size} worker${pool.size === 1 ? '' : 's'}); wrote ${out}\n`,
      );
    }
    return ExitCode.ok;
  },
};
