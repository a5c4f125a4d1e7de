import { rejectField } from '../design/designArgumentError.js';
import { createRng } from '../rng/seeding.js';
import type { Rng } from '../rng/types.js';
import type { ResolvedScenario } from '../run/resolveScenario.js';
import { buildSchedule } from '../run/schedule.js';
import { SteppedSimulation } from '../run/steppedSimulation.js';
import type { Ensemble, StateSpaceModel } from './stateSpaceModel.js';

/**
 * A stepped (agent-based) twin as a state-space model. Its state is not a vector, so each particle's state vector
 * is [the handle of a snapshot the adapter keeps, then the measured observables at that time]: a move restores the
 * model from the snapshot, reseeds the model's random stream from the particle's, steps it (interventions at their
 * times, as in a run) and keeps a new snapshot. Particles that share a snapshot after resampling part ways, as each
 * move draws from its particle's own stream. Parameters are not estimated (a model's parameters are fixed when it is
 * created); memory grows by one snapshot per particle and move until `retainOnly` drops the unused ones.
 */
export interface SteppedStateSpace extends StateSpaceModel {
  /** Snapshots kept. */
  readonly snapshotCount: number;
  /** Drops every snapshot that no state of `ensembles` refers to (keep the ones a forecast will start from). */
  retainOnly(...ensembles: readonly Ensemble[]): void;
  /**
   * The same twin under another scenario of the same model (e.g. `scenarioWithIntervention(…)`, the treated arm of a
   * counterfactual), sharing this adapter's snapshots so it can continue this adapter's particles.
   */
  withScenario(scenario: ResolvedScenario): SteppedStateSpace;
}

/** Snapshots kept by handle, shared by the adapters of one twin under several scenarios. */
interface SnapshotStore {
  readonly snapshots: Map<number, unknown>;
  nextHandle: number;
}

/**
 * The adapter for a stepped scenario without coupling; `measured` are observable ids. The model must draw all of its
 * randomness from the `rng` it is created with and restore that generator's state from its snapshot (as the engine's
 * stepped models do); the adapter then sets the state from the particle's stream after every restore.
 */
export function steppedStateSpace(
  scenario: ResolvedScenario,
  options: { readonly measured: readonly string[] },
): SteppedStateSpace {
  return steppedAdapter(scenario, options, { snapshots: new Map(), nextHandle: 0 });
}

/** The adapter for `scenario` over the snapshots of `store`. */
function steppedAdapter(
  scenario: ResolvedScenario,
  options: { readonly measured: readonly string[] },
  store: SnapshotStore,
): SteppedStateSpace {
  const { manifest } = scenario.plugin;
  if (scenario.method !== 'agent' || scenario.coupling || !scenario.plugin.createStepped) {
    rejectField(
      'scenario.method',
      scenario.method,
      `'agent' for a stepped model without coupling (model "${manifest.id}")`,
    );
  }
  const ids = manifest.observables.map((o) => o.id);
  const columns = options.measured.map((id, k) => {
    const index = ids.indexOf(id);
    if (index < 0) rejectField(`measured[${k}]`, id, `one of ${ids.join(', ')}`);
    return index;
  });
  const driver = createRng(scenario.seed, 0);
  const simulation = new SteppedSimulation(scenario, driver);
  const schedule = buildSchedule(scenario.interventions, Number.POSITIVE_INFINITY);
  const row = new Float64Array(ids.length);
  const { snapshots } = store;

  /** Keeps the simulation's snapshot under a new handle and writes handle and observables into `state`. */
  const record = (state: Float64Array): void => {
    const handle = store.nextHandle++;
    snapshots.set(handle, simulation.snapshot());
    simulation.observe(row);
    state[0] = handle;
    columns.forEach((c, j) => (state[1 + j] = row[c]));
  };
  /** Restores particle `state`'s snapshot with the model's stream set from `rng`. */
  const restore = (state: Float64Array, rng: Rng): void => {
    const snapshot = snapshots.get(state[0]);
    if (snapshot === undefined) {
      throw new RangeError(
        `steppedStateSpace: snapshot ${state[0]} was dropped by retainOnly; keep the ensemble it belongs to`,
      );
    }
    simulation.restore(snapshot);
    driver.setState(rng.getState());
  };
  return {
    labels: ['snapshot', ...options.measured],
    measured: [...options.measured],
    startTime: 0,
    get snapshotCount(): number {
      return snapshots.size;
    },
    initialize(state: Float64Array, rng: Rng): void {
      // A new model per particle: its initial agents are drawn from the particle's stream.
      driver.setState(rng.getState());
      const start = new SteppedSimulation(scenario, driver);
      simulation.restore(start.snapshot());
      record(state);
    },
    propagate(state: Float64Array, from: number, to: number, rng: Rng): void {
      restore(state, rng);
      for (const point of schedule) {
        if (point.time >= to) break;
        if (point.time < from) continue;
        simulation.advanceTo(point.time);
        simulation.apply(point.intervention, point.phase);
      }
      simulation.advanceTo(to);
      record(state);
    },
    predict(state: Float64Array, _time: number, out: Float64Array): void {
      for (let j = 0; j < columns.length; j++) out[j] = state[1 + j];
    },
    withScenario(other: ResolvedScenario): SteppedStateSpace {
      if (other.plugin.manifest.id !== manifest.id) {
        rejectField(
          'scenario.model',
          other.plugin.manifest.id,
          `"${manifest.id}", the model whose snapshots are shared`,
        );
      }
      return steppedAdapter(other, options, store);
    },
    retainOnly(...ensembles: readonly Ensemble[]): void {
      const used = new Set<number>();
      for (const e of ensembles) for (let i = 0; i < e.states.length; i += e.dimension) used.add(e.states[i]);
      for (const handle of [...snapshots.keys()]) if (!used.has(handle)) snapshots.delete(handle);
    },
  };
}
