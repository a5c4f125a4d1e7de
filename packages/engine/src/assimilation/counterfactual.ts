import { rejectField } from '../design/designArgumentError.js';
import { summarizeEnsemble, type EnsembleSummary } from '../run/ensembleSummary.js';
import { DEFAULT_QUANTILES } from '../run/resolveScenario.js';
import { forecastEnsemble, type Forecast, type ForecastOptions, type ForecastTrajectory } from './forecast.js';
import type { ForecastMemberRunner } from './forecastMembers.js';
import type { Ensemble, StateSpaceModel } from './stateSpaceModel.js';

/** The two arms of a counterfactual and the per-member difference between them. */
export interface Counterfactual {
  /** The course without the treatment. */
  readonly baseline: Forecast;
  /** The course with it. */
  readonly treated: Forecast;
  /** Per measured quantity, treated − baseline member by member: the treatment's effect and its credible bands. */
  readonly effect: EnsembleSummary;
}

/** How a counterfactual runs: as a forecast, with a member runner per arm (default: both in this thread). */
export interface CounterfactualOptions extends Omit<ForecastOptions, 'runMembers'> {
  /** Runs each arm's batches of members, e.g. `poolForecastRunner` of `@immunotwin/worker` for each arm's model. */
  readonly runMembers?: { readonly baseline: ForecastMemberRunner; readonly treated: ForecastMemberRunner };
}

/**
 * "Start this treatment now": every member of the updated ensemble is continued twice from the ensemble's time,
 * by `baseline` (the twin as scheduled) and by `treated` (the same twin with the treatment added from now), on the
 * same stream in both arms (common random numbers, so the difference shows the treatment, not the noise). The two
 * models must share the state layout; for a network twin build them with `networkStateSpace` from the scenario and
 * from `scenarioWithIntervention(scenario, …)`.
 */
export async function counterfactual(
  ensemble: Ensemble,
  arms: { readonly baseline: StateSpaceModel; readonly treated: StateSpaceModel },
  options: CounterfactualOptions,
): Promise<Counterfactual> {
  const { baseline, treated } = arms;
  if (baseline.labels.join('\u0000') !== treated.labels.join('\u0000')) {
    rejectField(
      'arms.treated.labels',
      treated.labels.join(', '),
      `the baseline's state layout (${baseline.labels.join(', ')})`,
    );
  }
  const members = options.members ?? ensemble.weights.length;
  const progress = options.onProgress;
  const { runMembers, ...common } = options;
  const base = await forecastEnsemble(baseline, ensemble, {
    ...common,
    runMembers: runMembers?.baseline,
    onProgress: progress && ((done) => progress(done, 2 * members)),
  });
  const withTreatment = await forecastEnsemble(treated, ensemble, {
    ...common,
    runMembers: runMembers?.treated,
    onProgress: progress && ((done) => progress(members + done, 2 * members)),
  });
  const differences: ForecastTrajectory[] = base.trajectories.map((run, i) => ({
    time: run.time,
    observables: Object.fromEntries(
      Object.entries(run.observables).map(([id, values]) => [
        id,
        withTreatment.trajectories[i].observables[id].map((v, k) => v - values[k]),
      ]),
    ),
  }));
  const quantiles = [...(options.quantiles ?? DEFAULT_QUANTILES)].sort((a, b) => a - b);
  return { baseline: base, treated: withTreatment, effect: summarizeEnsemble(differences, quantiles) };
}
