import { log } from '../math/portableMath.js';
import { logNormalDistribution } from '../design/distributions.js';
import { rejectField } from '../design/designArgumentError.js';
import type { ModelPlugin } from '../model/types.js';
import { resolveScenario, type ResolvedScenario } from '../run/resolveScenario.js';
import { compileNetworkObservations } from './networkObservations.js';
import { networkStateSpace, scenarioWithIntervention, type EstimatedParameter } from './networkStateSpace.js';
import type { ObservationLogLikelihood, StateSpaceModel } from './stateSpaceModel.js';

/**
 * A twin of one patient for the filters, as plain data: what the CLI, a notebook's `twin.assimilate` and a pool worker
 * build the same state-space model from. The scenario's method picks the dynamics ('ode' for the ensemble Kalman
 * filter; 'ssa' or 'tau-leaping' for the particle filter).
 */
export interface AssimilationSpec {
  /** The scenario document (schema/scenario.schema.json) of a reaction-network model. */
  readonly scenario: unknown;
  /** The observation model document (schema/observation-model.schema.json), its noise fixed. */
  readonly observation: unknown;
  /** Parameters estimated with the state: id → the sd of a log-normal prior on ln θ around the scenario's value. */
  readonly estimate?: Readonly<Record<string, number>>;
  /** Measured quantity → its detection limit: values at or below it are censored (both filters). */
  readonly detectionLimits?: Readonly<Record<string, number>>;
  /** An intervention added to the scenario (e.g. `{ kind: 'oseltamivir', start: 2 }`): a counterfactual's treated arm. */
  readonly treatment?: Readonly<Record<string, number | string>>;
}

/** The state-space model of an {@link AssimilationSpec} and what the filters need beside it. */
export interface ScenarioTwin {
  /** The scenario, resolved (with the treatment when the spec has one). */
  readonly scenario: ResolvedScenario;
  /** The state-space model: species, then ln θ of each estimated parameter. */
  readonly model: StateSpaceModel;
  /** The estimated parameters with their priors. */
  readonly estimate: readonly EstimatedParameter[];
  /** The observation log-likelihood (the particle filter's weights). */
  readonly logLikelihood: ObservationLogLikelihood;
  /**
   * The ensemble Kalman filter's measurement sd per measured quantity: each entry's Gaussian σ; undefined when an
   * entry has other noise (the EnKF then cannot run).
   */
  readonly observationSd: readonly number[] | undefined;
  /** Each measured quantity's detection limit where its entry censors, else undefined (the filters' censoring). */
  readonly censoringLimits: readonly (number | undefined)[];
}

/** The Gaussian σ of each observation-model entry, or undefined when some entry is not Gaussian with a fixed σ. */
function gaussianSds(observation: unknown): number[] | undefined {
  const entries = (observation as { observations?: { noise?: { kind?: string; sigma?: unknown } }[] }).observations;
  const sds = (entries ?? []).map((e) => (e.noise?.kind === 'gaussian' ? e.noise.sigma : undefined));
  return sds.every((sd): sd is number => typeof sd === 'number') ? sds : undefined;
}

/**
 * Builds the state-space model of a twin from plain data: resolves the scenario (plus the treatment), compiles the
 * observation model against it and carries each estimated parameter as ln θ with a log-normal prior around the
 * scenario's value. Throws the scenario's or observation model's ValidationError, or a DesignArgumentError naming
 * `estimate.<id>` or `treatment`.
 */
export function scenarioTwin(plugin: ModelPlugin, spec: AssimilationSpec): ScenarioTwin {
  const base = resolveScenario(plugin, spec.scenario);
  const { manifest } = plugin;
  const estimate = Object.entries(spec.estimate ?? {}).map(([id, sd]) => {
    const value = base.parameters[id];
    if (value === undefined || !(value > 0)) {
      rejectField(
        `estimate.${id}`,
        value ?? 'not a parameter',
        `a parameter of "${manifest.id}" with a positive value (${manifest.parameters.map((p) => p.id).join(', ')})`,
      );
    }
    if (!(typeof sd === 'number' && sd > 0 && Number.isFinite(sd))) {
      rejectField(`estimate.${id}`, sd, `the prior sd of ln ${id}, a finite number > 0`);
    }
    return { id, prior: logNormalDistribution(log(value), sd) };
  });
  const scenario = spec.treatment ? scenarioWithTreatment(base, spec.treatment) : base;
  const { measured, logLikelihood, censoringLimits } = compileNetworkObservations(
    scenario,
    spec.observation,
    spec.detectionLimits,
  );
  const model = networkStateSpace(scenario, { measured, estimate });
  const observationSd = gaussianSds(spec.observation);
  return { scenario, model, estimate, logLikelihood, observationSd, censoringLimits };
}

/** The scenario with the treatment added; a treatment that is not an object with a kind is refused by name. */
function scenarioWithTreatment(
  scenario: ResolvedScenario,
  treatment: Readonly<Record<string, number | string>>,
): ResolvedScenario {
  if (typeof treatment !== 'object' || treatment === null || typeof treatment.kind !== 'string') {
    rejectField(
      'treatment',
      treatment,
      'an intervention: an object with a kind, e.g. { kind: "oseltamivir", start: 2 }',
    );
  }
  return scenarioWithIntervention(scenario, treatment as Parameters<typeof scenarioWithIntervention>[1]);
}
