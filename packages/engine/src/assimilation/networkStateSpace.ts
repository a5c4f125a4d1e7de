import { exp, log, log10 } from '../math/portableMath.js';
import type { Distribution } from '../design/distribution.js';
import { rejectField } from '../design/designArgumentError.js';
import { createStepper } from '../ode/index.js';
import type { Rng } from '../rng/types.js';
import type { CompiledObservation } from '../observation/compileObservationModel.js';
import type { InterventionInstance } from '../schema/index.js';
import { DirectMethodSsa, TauLeaping } from '../stochastic/index.js';
import type { StochasticSimulator } from '../stochastic/types.js';
import { NetworkInterventions, type StateEditor } from '../run/networkInterventions.js';
import { prepareNetwork } from '../run/networkState.js';
import { resolveScenario, scenarioToJson, type ResolvedScenario } from '../run/resolveScenario.js';
import { buildSchedule, type Breakpoint } from '../run/schedule.js';
import type { StateSpaceModel } from './stateSpaceModel.js';

/** A parameter a filter estimates with the state: carried as its natural logarithm. */
export interface EstimatedParameter {
  /** The manifest parameter id. */
  readonly id: string;
  /** Its distribution at the start (on (0, ∞); e.g. a log-normal around the scenario's value). */
  readonly prior: Distribution;
  /**
   * The sd of a random walk on ln θ per unit of time, applied as each particle moves (a "jittered" parameter,
   * Liu & West 2001); absent or 0 keeps it static. Jitter lets a particle filter keep several values alive.
   */
  readonly jitter?: number;
}

/** One measured quantity: an observable of the model, on its own scale or as log10. */
export interface MeasuredObservable {
  /** The observable's id. */
  readonly observable: string;
  /**
   * Predict log10(max(value, floor)) instead of the value: titres and viral loads are measured on log10 scale, where
   * an ensemble Kalman update is near-linear. The floor (> 0) keeps a zero count finite.
   */
  readonly log10Floor?: number;
}

/** What a network twin's state-space model is built from. */
export interface NetworkStateSpaceOptions {
  /** Parameters estimated with the state (default none: only the species are uncertain through the dynamics). */
  readonly estimate?: readonly EstimatedParameter[];
  /**
   * The measured quantities, in the order of each observation's values: observables (optionally as log10), or the
   * entries of an observation model compiled against this network (`compileNetworkObservations`).
   */
  readonly measured: readonly (MeasuredObservable | CompiledObservation)[];
}

/** Whether a measured quantity is an observation-model entry (an expression) rather than a plain observable. */
function isCompiled(m: MeasuredObservable | CompiledObservation): m is CompiledObservation {
  return 'predict' in m;
}

/** Adds nothing and removes nothing: replays past interventions for their parameter factors only. */
const NO_STATE_CHANGE: StateEditor = { add: () => undefined, removeFraction: () => undefined };

/**
 * A reaction-network scenario as a {@link StateSpaceModel}: the state is the species amounts followed by ln θ of each
 * estimated parameter. The scenario's method decides how states move: 'ode' with the scenario's solver (for
 * `ensembleKalmanFilter`), 'ssa' or 'tau-leaping' in whole counts on each particle's stream (for `particleFilter`).
 * Interventions are the scenario's, scheduled as in a run (their parameter factors replayed from the start for
 * every move, so each particle carries only its state); one starting at b acts in the move from b, after an
 * observation at b. Agent-based (stepped) and coupled scenarios are refused: their state is not a vector.
 */
export function networkStateSpace(scenario: ResolvedScenario, options: NetworkStateSpaceOptions): StateSpaceModel {
  const { manifest } = scenario.plugin;
  if (!manifest.network || scenario.method === 'agent' || scenario.coupling) {
    rejectField(
      'scenario.method',
      scenario.method,
      `'ode', 'ssa' or 'tau-leaping' of a reaction-network model without coupling (model "${manifest.id}")`,
    );
  }
  const { network } = prepareNetwork(scenario);
  const estimate = options.estimate ?? [];
  const parameterIndex = new Map(network.parameterIds.map((id, i) => [id, i]));
  estimate.forEach((e, k) => {
    if (!parameterIndex.has(e.id)) {
      rejectField(`estimate[${k}].id`, e.id, `a parameter of "${manifest.id}" (${network.parameterIds.join(', ')})`);
    }
    if (!(e.prior.support[0] >= 0)) {
      rejectField(`estimate[${k}].prior`, `support from ${e.prior.support[0]}`, 'a distribution on (0, ∞)');
    }
    if (!((e.jitter ?? 0) >= 0)) rejectField(`estimate[${k}].jitter`, e.jitter, 'a number ≥ 0');
  });
  const observableIndex = new Map(network.observableIds.map((id, i) => [id, i]));
  options.measured.forEach((m, k) => {
    if (isCompiled(m)) return;
    if (!observableIndex.has(m.observable)) {
      rejectField(`measured[${k}].observable`, m.observable, `one of ${network.observableIds.join(', ')}`);
    }
    if (m.log10Floor !== undefined && !(m.log10Floor > 0))
      rejectField(`measured[${k}].log10Floor`, m.log10Floor, '> 0');
  });
  const nSpecies = network.speciesIds.length;
  const stochastic = scenario.method !== 'ode';
  const schedule = buildSchedule(scenario.interventions, Number.POSITIVE_INFINITY);
  const observed = new Float64Array(network.observableIds.length);

  /** The scenario's parameters with the state's estimates, written into the network; returns them by id. */
  const setParameters = (state: Float64Array): Record<string, number> => {
    const values: Record<string, number> = { ...scenario.parameters };
    estimate.forEach((e, k) => (values[e.id] = exp(state[nSpecies + k])));
    network.parameterIds.forEach((id, i) => (network.params[i] = values[id]));
    return values;
  };

  const advance = (x: Float64Array, from: number, to: number, simulator: StochasticSimulator | undefined): void => {
    if (!(to > from)) return;
    if (simulator) {
      simulator.advance(x, from, to);
      return;
    }
    const stepper = createStepper(scenario.solver.stiff ? 'rosenbrock' : 'dopri5', network.rhs, from, x, {
      rtol: scenario.solver.rtol,
      atol: scenario.solver.atol,
      nonNegative: true,
    });
    stepper.advanceTo(to);
    x.set(stepper.y);
    for (let i = 0; i < x.length; i++) if (x[i] < 0) x[i] = 0;
  };

  /** Moves the species of `state` from `from` to `to` with its parameters, interventions as scheduled. */
  const move = (state: Float64Array, from: number, to: number, rng: Rng | undefined): void => {
    const values = setParameters(state);
    const interventions = new NetworkInterventions(network, values);
    const x = state.subarray(0, nSpecies);
    const editor: StateEditor = rng
      ? {
          add: (i, amount) => (x[i] += Math.round(amount)),
          removeFraction: (i, f) => (x[i] -= rng.binomial(x[i], f)),
        }
      : { add: (i, amount) => (x[i] += amount), removeFraction: (i, f) => (x[i] *= 1 - f) };
    const simulator = rng
      ? scenario.method === 'ssa'
        ? new DirectMethodSsa(network.stochastic, rng)
        : new TauLeaping(network.stochastic, rng)
      : undefined;
    let t = from;
    for (const point of schedule as readonly Breakpoint[]) {
      if (point.time >= to) break;
      if (point.time < from) {
        interventions.apply(point.intervention, point.phase, NO_STATE_CHANGE);
        continue;
      }
      advance(x, t, point.time, simulator);
      t = point.time;
      interventions.apply(point.intervention, point.phase, editor);
    }
    advance(x, t, to, simulator);
  };

  /** The scenario's initial amounts (whole counts when stochastic), for the parameters last set. */
  const initialSpecies = (state: Float64Array): void => {
    const initial = network.initialState();
    network.speciesIds.forEach((id, i) => {
      const value = scenario.initial[id] ?? initial[i];
      state[i] = stochastic ? Math.round(value) : value;
    });
  };

  return {
    labels: [...network.speciesIds, ...estimate.map((e) => `ln ${e.id}`)],
    measured: options.measured.map((m) =>
      isCompiled(m) || m.log10Floor === undefined ? m.observable : `log10 ${m.observable}`,
    ),
    startTime: 0,
    initialize(state: Float64Array, rng: Rng): void {
      estimate.forEach((e, k) => (state[nSpecies + k] = log(e.prior.sample(rng))));
      setParameters(state);
      initialSpecies(state);
    },
    propagate(state: Float64Array, from: number, to: number, rng: Rng): void {
      move(state, from, to, stochastic ? rng : undefined);
      estimate.forEach((e, k) => {
        if (e.jitter) state[nSpecies + k] += e.jitter * Math.sqrt(to - from) * rng.normal();
      });
    },
    predict(state: Float64Array, time: number, out: Float64Array): void {
      setParameters(state);
      network.observe(state.subarray(0, nSpecies), observed, time);
      options.measured.forEach((m, j) => {
        if (isCompiled(m)) {
          out[j] = m.predict(observed, network.params, time);
          return;
        }
        const value = observed[observableIndex.get(m.observable)!];
        out[j] = m.log10Floor !== undefined ? log10(Math.max(value, m.log10Floor)) : value;
      });
    },
    // An ODE twin's amounts at t follow from its parameters: an ensemble Kalman update recomputes them.
    ...(stochastic
      ? {}
      : {
          restate(state: Float64Array, time: number): void {
            setParameters(state);
            initialSpecies(state);
            move(state, 0, time, undefined);
          },
        }),
    constrain(state: Float64Array): void {
      for (let i = 0; i < nSpecies; i++) if (state[i] < 0) state[i] = 0;
    },
  };
}

/**
 * The scenario with one more intervention (e.g. `{ kind: 'antiviral', start: now, stop, efficacy: 0.9 }`), resolved and checked like any scenario:
 * the treated arm of a counterfactual. Throws the scenario's ValidationError naming the intervention's field.
 */
export function scenarioWithIntervention(
  scenario: ResolvedScenario,
  intervention: InterventionInstance & Readonly<Record<string, number | string>>,
): ResolvedScenario {
  const document = scenarioToJson(scenario);
  return resolveScenario(scenario.plugin, {
    ...document,
    interventions: [...(document.interventions ?? []), intervention],
  });
}
