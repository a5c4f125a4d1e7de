import type { Rng } from '../rng/types.js';
import type { ModelManifest } from '../schema/index.js';
import type { TissueView } from '../space/tissueView.js';

/** An intervention as a stepped model sees it: its kind, field values, and whether it starts or stops now. */
export interface InterventionEvent {
  /** Intervention kind, one of the manifest's `interventions[].kind`. */
  readonly kind: string;
  /** `start` when it begins (or a one-off happens), `stop` when a lasting one ends. */
  readonly phase: 'start' | 'stop';
  /** Field values (dose, efficacy, …) with defaults filled in. */
  readonly values: Readonly<Record<string, number>>;
  /** Index of the intervention in the scenario (to tell overlapping ones of the same kind apart). */
  readonly index: number;
}

/** What the engine hands a stepped model's factory. */
export interface SteppedModelContext {
  /** Every parameter with its value (defaults, preset and overrides applied, validated). */
  readonly parameters: Readonly<Record<string, number>>;
  /** Initial-condition overrides from the scenario (model-defined meaning). */
  readonly initial: Readonly<Record<string, number>>;
  /** The model's random stream; all of its randomness must come from here. */
  readonly rng: Rng;
  /**
   * The ids of the manifest's `inputs` a coupled run connects (absent or empty when the model runs alone): the
   * model takes these quantities from `setInput` instead of its own schedule.
   */
  readonly inputs?: readonly string[];
}

/**
 * A model that advances itself (agent-based or custom), in the spirit of Mesa's `Model.step()`: the
 * engine calls `step` with a time increment, reads observables, and delivers interventions at their times.
 */
export interface SteppedModel {
  /** The model's internal time step; the runner never asks for a larger one. */
  readonly dt: number;
  /** Advances the model by `dt` (≤ the model's `dt`). */
  step(dt: number): void;
  /** Writes the current observables, in manifest order, into `out`. */
  observe(out: Float64Array): void;
  /** Applies an intervention starting or stopping now. */
  apply(event: InterventionEvent): void;
  /** A structured-cloneable copy of the whole model state (including its RNG state). */
  snapshot(): unknown;
  /** Restores a state taken with `snapshot()`. */
  restore(snapshot: unknown): void;
  /**
   * Sets an input port (one of the manifest's `inputs`) to `value`, held until it is set again; a coupled run
   * calls it at every exchange, before the steps it applies to. Required when the manifest declares inputs.
   */
  setInput?(id: string, value: number): void;
  /**
   * Optional: a copy of the model's spatial state (lattice cell states, fields, agent positions) for a
   * tissue view. Models without space leave it out; callers must not assume it exists. `fields`, when given,
   * names the fields the caller needs (a picture draws one): the model may copy only those (`viewedFieldIds`)
   * and must copy at least those; without it, every field.
   */
  view?(fields?: readonly string[]): TissueView;
}

/**
 * A model plugin: a manifest plus, for stepped models, a factory. Reaction-network models declare
 * `manifest.network` and need no code: the engine derives ODE and stochastic simulators from it.
 */
export interface ModelPlugin {
  /** What the model is, its parameters, observables, interventions, presets and assumptions. */
  readonly manifest: ModelManifest;
  /** Creates a stepped model instance; required when the manifest lists the `agent` method. */
  readonly createStepped?: (context: SteppedModelContext) => SteppedModel;
  /**
   * What `defineModel` was given, when it made this plugin: a host that sends a model elsewhere as source (a
   * model written in a notebook cell, sent to a workbench's worker) writes out the definition, not the factory.
   */
  readonly definition?: unknown;
}
