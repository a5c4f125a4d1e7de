import { defineModel, type TypedSteppedContext } from '@immunotwin/engine';
import { manifest } from './manifest.js';

/**
 * The stepped model the engine advances: `step(h)` moves it h days on, exactly (first-order decay has a closed
 * form, so no integrator is needed). Replace it with your own; keep it self-contained (no imports at run time
 * besides the manifest and the engine), so its bundle loads in any worker.
 */
class AntibodyDecay {
  /** Largest step the runner may take (days). */
  readonly dt = 0.25;
  /** Antibody concentration (AU/mL). */
  antibody: number;
  private readonly rate: number;

  constructor(private readonly context: TypedSteppedContext<typeof manifest>) {
    this.rate = Math.LN2 / context.parameters.halfLife;
    this.antibody = context.initial.A ?? context.parameters.A0;
  }

  step(h: number): void {
    this.antibody *= Math.exp(-this.rate * h);
  }

  observe(out: Float64Array): void {
    out[this.context.observables.A] = this.antibody;
  }

  snapshot(): number {
    return this.antibody;
  }

  restore(snapshot: unknown): void {
    this.antibody = snapshot as number;
  }
}

/**
 * The plugin: what the engine registers, found by the workers among this module's exports. `defineModel` checks
 * that every intervention kind of the manifest has a handler (the compiler does too).
 */
export const plugin = defineModel({
  manifest,
  create: (context) => new AntibodyDecay(context),
  interventions: {
    boost: { start: (event, model) => void (model.antibody += event.values.dose) },
  },
});
