import {
  assimilateScenario,
  assimilationResultDocument,
  counterfactual,
  DesignArgumentError,
  ENGINE_VERSION,
  FORECAST_QUANTILES,
  forecastEnsemble,
  forecastTimes,
  resolveScenario,
  scenarioTwin,
  type AssimilationSpec,
  ValidationError,
  type AssimilationStepSummary,
  type Counterfactual,
  type FilterProgress,
  type ModelPlugin,
  type Scenario,
} from '@immunotwin/engine';
import { createNodePool } from '@immunotwin/worker/node';
import { poolForecastRunner } from '@immunotwin/worker';
import { flag, integerOption, listOption, stringOption, type ParsedArgs } from '../args.js';
import { writeFileAtomic } from '../atomicWrite.js';
import type { Command } from '../command.js';
import { aboutFile, CliError, ExitCode, UsageError } from '../errors.js';
import { parsePriors, parseTreatment, timeOption } from '../fit/assimilateOptions.js';
import {
  jsonOutPath,
  PATIENT_DATA_OPTIONS,
  readPatientInputs,
  seedOption,
  seedOptionSpec,
} from '../fit/patientInputs.js';
import { PLUGIN_OPTION } from '../plugins.js';
import { formatSimTime, ProgressReporter } from '../progress.js';
import { WORKERS_OPTION, workerCount } from '../workers.js';

/** A number as the progress lines print it: 3 significant digits. */
const short = (value: number): string => String(Number(value.toPrecision(3)));

/** The progress text of a filter, e.g. `assimilate: observation 3/9 (member 120/200)`. */
function filterProgressText(p: FilterProgress, members: number): string {
  return `assimilate: observation ${p.assimilated + 1}/${p.observations}${p.member > 0 ? ` (member ${p.member}/${members})` : ''}`;
}

/** The line printed after each observation: what was measured, what the twin now says, the parameters. */
export function stepLine(step: AssimilationStepSummary, k: number, total: number, timeUnit: string): string {
  const measured = Object.entries(step.observed)
    .filter(([, value]) => value !== null)
    .map(([id, value]) => {
      const p = step.predicted[id]!;
      return `${id} ${short(value!)} (twin ${short(p.median)} [${short(p.lower)}, ${short(p.upper)}])`;
    });
  const parameters = Object.entries(step.parameters).map(
    ([id, p]) => `${id} ${short(p.median)} [${short(p.lower)}, ${short(p.upper)}]`,
  );
  return `assimilate: ${k + 1}/${total} t = ${formatSimTime(step.time)} ${timeUnit}: ${[...measured, ...parameters].join('; ')}`;
}

/** `--method`: 'enkf' for an ODE scenario, 'pf' for a stochastic one (default from the scenario's method). */
function methodOf(args: ParsedArgs, declared: Scenario['method'], file: string): Scenario['method'] {
  const text = stringOption(args, 'method');
  if (declared === 'agent') {
    throw new CliError(
      `${file}: method "agent": assimilate runs reaction-network twins ('ode', 'ssa' or 'tau-leaping')`,
    );
  }
  if (text === undefined) return declared;
  if (text === 'enkf') return 'ode';
  if (text === 'pf') return declared === 'ode' ? 'ssa' : declared;
  throw new UsageError(
    `option --method: "${text}" is not a filter; allowed: enkf (ensemble Kalman, ODE) or pf (particle filter, stochastic)`,
  );
}

/** An engine refusal of a field as the option or file it came from. */
function asOption(error: unknown, dataFile: string, observationFile: string | undefined): unknown {
  if (!(error instanceof DesignArgumentError)) return error;
  const field = error.field;
  const where = field.startsWith('estimate')
    ? 'option --estimate'
    : field === 'until'
      ? 'option --forecast'
      : field.startsWith('treatment')
        ? 'option --treat'
        : field.startsWith('data')
          ? dataFile
          : field.startsWith('observation')
            ? (observationFile ?? `the default observation model of ${dataFile}`)
            : undefined;
  return where ? new UsageError(`${where}: ${error.message}`) : error;
}

/** The treated arm's model; the treatment's refusals (unknown kind, bad field) name --treat. */
function treatedTwin(plugin: ModelPlugin, spec: AssimilationSpec) {
  try {
    return scenarioTwin(plugin, spec).model;
  } catch (error) {
    if (error instanceof ValidationError || error instanceof DesignArgumentError) {
      throw new UsageError(`option --treat: ${error.message}`);
    }
    throw error;
  }
}

/** `immunotwin assimilate`: updates a twin by a patient's data, observation by observation, and forecasts. */
export const assimilateCommand: Command = {
  name: 'assimilate',
  summary:
    "update a twin by a patient's data one observation at a time (ensemble Kalman or particle filter), forecast the rest of the course and test a treatment started now",
  usage:
    'assimilate <scenario.json> --data <data.csv|fhir.json> --estimate <id[=sd]>… --out <assim.json> [--method enkf|pf] [--until t] [--forecast d] [--treat <kind[:start[:stop]]|json>] [--members n] [--seed n] [--inflation x] [--observation <model.json>] [--group <name>] [--workers n] [--plugin <…>]… [--quiet]',
  description: [
    "Assimilates a patient's data into the twin of a scenario, one observation time after another, and writes the",
    "result (schema/assimilation-result.schema.json): after each observation what was measured, the twin's",
    'prediction then and each estimated parameter (median and 90 % credible interval); the forecast of the rest of',
    'the course (median, 50 % and 90 % credible bands); and with --treat the counterfactual "start this treatment',
    'now" on the updated ensemble: both arms and the treated − untreated effect, member by member.',
    '--method enkf (the default for an ODE scenario) runs the ensemble Kalman filter and needs Gaussian noise with',
    "a fixed sigma; pf (the default for an 'ssa' or 'tau-leaping' scenario) runs the bootstrap particle filter on",
    "the scenario's stochastic method ('ssa' for an ODE scenario). --estimate id=sd carries parameter id in the state",
    "with a log-normal prior of sd on ln id around the scenario's value (id alone: sd 1); an ODE twin needs one.",
    '--until t assimilates only the data measured up to time t ("today", in the model\'s time unit); --forecast d',
    "forecasts d time units past the last observation assimilated (default: to the scenario's duration). --treat",
    'takes an intervention kind (started at the last observation), kind:start, kind:start:stop, or the intervention',
    'as JSON (its start defaulting to the last observation), e.g.',
    '\'{"kind":"oseltamivir","start":2,"stop":7,"dose":75}\'. --data and --observation as for fit (without',
    "--observation an observed log10X is log10 of the model's X with Gaussian noise σ = 1). The forecasts run on a",
    'pool of worker threads with results that do not depend on their number. Progress goes to stderr (a line per',
    'observation); an interrupt stops it and writes nothing. The file is written atomically.',
  ].join('\n'),
  options: [
    PATIENT_DATA_OPTIONS[0]!,
    {
      name: 'estimate',
      short: 'e',
      value: 'id[=sd]',
      repeatable: true,
      description: 'a parameter carried in the state, with the prior sd of its ln (default 1); repeat for each',
    },
    { name: 'out', short: 'o', value: 'file', description: 'the assimilation result, JSON (required)' },
    { name: 'method', value: 'enkf|pf', description: 'the filter (default: enkf for an ODE scenario, pf otherwise)' },
    { name: 'until', value: 't', description: 'assimilate only the data up to this time (model time unit)' },
    {
      name: 'forecast',
      value: 'd',
      description: "forecast this long past the last observation (default: to the scenario's duration)",
    },
    {
      name: 'treat',
      value: 'kind[:start[:stop]]|json',
      description: 'the counterfactual: this treatment started now (or at start)',
    },
    { name: 'members', value: 'n', description: 'ensemble members (default 200 for enkf, 1000 particles for pf)' },
    seedOptionSpec('the filter and the forecasts'),
    { name: 'inflation', value: 'x', description: "the EnKF's covariance inflation, ≥ 1 (default 1: none)" },
    ...PATIENT_DATA_OPTIONS.slice(1),
    WORKERS_OPTION,
    PLUGIN_OPTION,
    { name: 'quiet', short: 'q', description: 'print no progress on stderr' },
  ],
  positionals: { min: 1, max: 1, name: 'scenario file' },

  async run(args, context) {
    const { io } = context;
    const file = args.positionals[0]!;
    const seed = seedOption(args);
    const membersText = stringOption(args, 'members');
    const members =
      membersText === undefined
        ? undefined
        : integerOption(membersText, 'members', 2, 100000, 'a whole number from 2 to 100000');
    const inflationText = stringOption(args, 'inflation');
    const inflation = inflationText === undefined ? undefined : Number(inflationText);
    if (inflation !== undefined && !(inflation >= 1 && Number.isFinite(inflation))) {
      throw new UsageError(`option --inflation must be a number ≥ 1, e.g. 1.05; got "${inflationText}"`);
    }
    const until = timeOption(args, 'until', true);
    const horizon = timeOption(args, 'forecast', false);
    const estimate = parsePriors(listOption(args, 'estimate'));
    const workers = workerCount(args);
    const { out, path: outPath } = await jsonOutPath(args, context, 'assimilate', 'assim');
    const inputs = await readPatientInputs(args, context, 'assimilate');
    const { plugin, manifest, dataFile } = inputs;
    const declared = (await aboutFile(file, () => resolveScenario(plugin, inputs.scenario))).method;
    const method = methodOf(args, declared, file);
    const scenario = { ...(inputs.scenario as object), method };
    const spec: AssimilationSpec = { scenario, observation: inputs.observation, estimate };
    const observationFile = stringOption(args, 'observation');
    const treatText = stringOption(args, 'treat');

    const quiet = flag(args, 'quiet');
    const timeUnit = manifest.timeUnit;
    const progress = new ProgressReporter(io.stderr, {
      mode: quiet || !io.stderr.isTTY ? 'off' : 'tty',
      describe: (p: FilterProgress) => filterProgressText(p, members ?? (method === 'ode' ? 200 : 1000)),
    });
    const resolved = await aboutFile(file, () => resolveScenario(plugin, scenario));
    const aboutObservation = observationFile ?? `${dataFile} (its default observation model)`;
    const pool = createNodePool({ plugins: inputs.plugins, size: workers });
    const started = performance.now();
    try {
      const run = await aboutFile(aboutObservation, () =>
        assimilateScenario(plugin, spec, inputs.data, {
          members,
          seed,
          inflation,
          until,
          signal: io.signal,
          onProgress: (p) => progress.update(p),
          onStep: (step, k, total) => {
            progress.clear();
            if (!quiet) io.stderr.write(`${stepLine(step, k, total, timeUnit)}\n`);
          },
        }),
      ).catch((error: unknown) => {
        throw asOption(error, dataFile, observationFile);
      });
      if (run.observations.length === 0) {
        throw new CliError(`${dataFile}: no observation at or before --until ${until}; nothing to assimilate`);
      }
      const now = run.ensemble.time;
      const end = horizon === undefined ? resolved.duration : now + horizon;
      if (!(end > now)) {
        throw new UsageError(
          `the scenario's duration (${end} ${timeUnit}) ends at or before the last observation (${now} ${timeUnit}); give --forecast <duration>`,
        );
      }
      const forecastOptions = {
        seed,
        times: forecastTimes(now, end),
        quantiles: FORECAST_QUANTILES,
        signal: io.signal,
      };
      const forecast = await forecastEnsemble(run.twin.model, run.ensemble, {
        ...forecastOptions,
        runMembers: poolForecastRunner(pool, run.spec),
      });
      let treated: { treatment: Record<string, string | number>; result: Counterfactual } | undefined;
      if (treatText !== undefined) {
        const treatment = parseTreatment(treatText, now, timeUnit);
        const treatedSpec = { ...run.spec, treatment };
        const treatedModel = treatedTwin(plugin, treatedSpec);
        const result = await counterfactual(
          run.ensemble,
          { baseline: run.twin.model, treated: treatedModel },
          {
            ...forecastOptions,
            runMembers: {
              baseline: poolForecastRunner(pool, run.spec),
              treated: poolForecastRunner(pool, treatedSpec),
            },
          },
        );
        treated = { treatment, result };
      }
      const about = {
        engineVersion: ENGINE_VERSION,
        model: { id: manifest.id, title: manifest.title },
        scenario,
        data: { file: dataFile, observations: run.observations.length },
      };
      const document = assimilationResultDocument(run, { about, until, forecast, counterfactual: treated });
      await writeFileAtomic(outPath, `${JSON.stringify(document, null, 2)}\n`, out);
      if (!quiet) {
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        const filter = run.method === 'enkf' ? 'ensemble Kalman filter' : 'particle filter';
        io.stderr.write(
          `assimilate: ${filter}, ${run.ensemble.weights.length} members, log-likelihood ${short(run.logLikelihood)}; forecast to t = ${formatSimTime(end)} ${timeUnit}${treated ? ` with and without ${treated.treatment.kind}` : ''}\n` +
            `assimilate: done in ${seconds} s (${pool.size} worker${pool.size === 1 ? '' : 's'}); wrote ${out}\n`,
        );
      }
    } finally {
      progress.clear();
      pool.dispose();
    }
    return ExitCode.ok;
  },
};
