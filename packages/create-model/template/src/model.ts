import type { InterventionEvent, ModelPlugin, SteppedModel, SteppedModelContext } from '@immunotwin/engine';
import { manifest } from './manifest.js';

/** The model's whole state: what `snapshot()` returns and `restore()` takes. */
interface State {
  /** Antibody concentration (AU/mL). */
  antibody: number;
}

/**
 * The stepped model the engine advances: `step(h)` moves it h days on, exactly (first-order decay has a closed
 * form, so no integrator is needed). Replace it with your own; keep it self-contained (no imports at run time
 * besides the manifest), so its bundle loads in any worker.
 */
class AntibodyDecay implements SteppedModel {
  /** Largest step the runner may take (days). */
  readonly dt = 0.25;
  private readonly rate: number;
  private state: State;

  constructor(context: SteppedModelContext) {
    this.rate = Math.LN2 / context.parameters.halfLife;
    this.state = { antibody: context.initial.A ?? context.parameters.A0 };
  }

  step(h: number): void {
    this.state.antibody *= Math.exp(-this.rate * h);
  }

  observe(out: Float64Array): void {
    out[0] = this.state.antibody;
  }

  apply(event: InterventionEvent): void {
    if (event.kind === 'boost' && event.phase === 'start') this.state.antibody += event.values.dose;
  }

  snapshot(): State {
    return { ...this.state };
  }

  restore(snapshot: unknown): void {
    this.state = { ...(snapshot as State) };
  }
}

/** The plugin: what the engine registers, found by the workers among this module's exports. */
export const plugin: ModelPlugin = {
  manifest,
  createStepped: (context) => new AntibodyDecay(context),
};
