import { EnsembleAggregate } from '../aggregate/ensembleAggregate.js';
import type { EnsembleSummary } from '../run/ensembleSummary.js';
import { resolveScenario, scenarioToJson, type ResolvedScenario } from '../run/resolveScenario.js';
import { runScenario, type RunOptions } from '../run/runScenario.js';
import { SchemaValidator } from '../validation/schemaValidator.js';
import { ValidationError, type ValidationIssue } from '../validation/validationError.js';
import { BandSpecSchema, bandSpecIssues, DEFAULT_COHORT_SPREAD, type BandSpec } from './bandSpec.js';
import { checkCohortParameters, cohortBase, defaultCohortParameters, drawCohort } from './cohort.js';

/** Options of {@link runBand}: progress over the whole band, cancellation and the chunk budget of each run. */
export type BandOptions = Omit<RunOptions, 'replicateIndices'>;

/** A band as computed: what it is, its sample times and its median and quantile bands (never its runs). */
export interface BandResult {
  /** The band made explicit: a cohort's spread and varied parameters filled in. */
  readonly band: BandSpec;
  /** Sample times. */
  readonly time: Float64Array;
  /** Mean, median and the scenario's quantile bands over the members, per observable. */
  readonly summary: EnsembleSummary;
}

/** One member of a band: the scenario it runs and which replicate (random stream) of it. */
interface BandMember {
  readonly scenario: ResolvedScenario;
  readonly replicate: number;
}

// Compiled on first use, so that reading a workbench state (which imports the band's schema) loads no compiler.
let validator: SchemaValidator<typeof BandSpecSchema> | undefined;

/**
 * Checks a band (any JSON value) against its schema and against the scenario — replicates need a stochastic
 * method or a stepped model; a cohort's parameters must be ones it can vary — and makes it explicit (a cohort's
 * spread and parameters filled in). Throws `ValidationError` ("Invalid band: …") naming the field, the value and
 * what is allowed.
 */
export function resolveBand(scenario: ResolvedScenario, input: unknown): BandSpec {
  validator ??= new SchemaValidator(BandSpecSchema, 'band');
  const band = validator.parse(input);
  const issues: ValidationIssue[] = bandSpecIssues(band);
  if (band.kind === 'replicates') {
    if (scenario.method === 'ode') {
      issues.push({
        path: 'kind',
        message:
          '"replicates" of an ode run would all be the same run; allowed: "cohort", or "replicates" with a stochastic method (ssa, tau-leaping) or a stepped model',
      });
    }
    if (issues.length > 0) throw new ValidationError('band', issues);
    return { kind: 'replicates', size: band.size };
  }
  let parameters = defaultCohortParameters(cohortBase(scenario));
  if (band.parameters) {
    const checked = checkCohortParameters(cohortBase(scenario), band.parameters);
    issues.push(...checked.issues);
    parameters = checked.parameters;
  } else if (parameters.length === 0) {
    issues.push({
      path: 'parameters',
      message: `no parameter of ${scenario.plugin.manifest.id} can be varied here (each is a whole number, 0, or fixed); a cohort needs one`,
    });
  }
  if (issues.length > 0) throw new ValidationError('band', issues);
  return { kind: 'cohort', size: band.size, spread: band.spread ?? DEFAULT_COHORT_SPREAD, parameters };
}

/** The members of a band: replicates 0 … size − 1 of the scenario, or one virtual patient each. */
function bandMembers(scenario: ResolvedScenario, band: BandSpec): (i: number) => BandMember {
  const { plugin } = scenario;
  const document = scenarioToJson(scenario);
  if (band.kind === 'replicates') {
    const ensemble = resolveScenario(plugin, { ...document, replicates: band.size });
    return (i) => ({ scenario: ensemble, replicate: i });
  }
  const patients = drawCohort(scenario, band.parameters!, band.size, band.spread!);
  // A stochastic patient i also runs on its own stream (seed, i); a deterministic one is replicate 0 of its own.
  const stochastic = scenario.method !== 'ode';
  return (i) => {
    const patient = { ...document, parameters: patients[i], replicates: stochastic ? band.size : 1 };
    try {
      return { scenario: resolveScenario(plugin, patient), replicate: stochastic ? i : 0 };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new ValidationError('band', [
        {
          path: 'parameters',
          message: `virtual patient ${i + 1} does not fit the model (${why}); vary fewer parameters`,
        },
      ]);
    }
  };
}

/**
 * Runs a band of a scenario — `size` replicates, or a cohort of `size` virtual patients (see `BandSpecSchema`) —
 * one member after the other in chunks that yield to the event loop (each with `runScenario` on its replicate
 * index), folding each run into an `EnsembleAggregate` and keeping none: memory does not grow with the size. Up to
 * the aggregate's sketch size (200 members) the bands are exactly the type-7 quantiles `summarizeEnsemble` gives;
 * the same scenario (seed included) and band give the same numbers, bit for bit. Progress covers the whole band;
 * the signal cancels it at the next chunk boundary.
 */
export async function runBand(
  scenario: ResolvedScenario,
  input: unknown,
  options: BandOptions = {},
): Promise<BandResult> {
  const band = resolveBand(scenario, input);
  const member = bandMembers(scenario, band);
  const { onProgress, signal, chunkMilliseconds } = options;
  const aggregate = new EnsembleAggregate({ quantiles: scenario.quantiles });
  let reported = 0;
  const report = (fraction: number, i: number, time: number): void => {
    reported = fraction;
    onProgress?.({ fraction, replicate: i, replicates: band.size, time });
  };
  for (let i = 0; i < band.size; i++) {
    const { scenario: resolved, replicate } = member(i);
    const { runs } = await runScenario(resolved, {
      replicateIndices: [replicate],
      signal,
      chunkMilliseconds,
      onProgress: (progress) => report((i + progress.fraction) / band.size, i, progress.time),
    });
    aggregate.add(runs[0]);
  }
  if (reported !== 1) report(1, band.size - 1, scenario.duration);
  const { time, quantiles, observables } = aggregate.summary();
  return { band, time, summary: { quantiles, observables } };
}
