import type { SteppedModel } from '../model/types.js';
import type { Rng } from '../rng/types.js';
import type { TissueView } from '../space/tissueView.js';
import type { ResolvedIntervention, ResolvedScenario } from './resolveScenario.js';
import type { Simulation } from './simulation.js';

/** A run of a stepped (agent-based or custom) model: fixed steps of the model's dt, shortened to land on sample and breakpoint times. */
export class SteppedSimulation implements Simulation {
  private readonly model: SteppedModel;
  private t = 0;
  private steps = 0;

  /** `inputs`: the input ports a coupled run connects (see `SteppedModelContext.inputs`). */
  constructor(
    private readonly scenario: ResolvedScenario,
    rng: Rng,
    inputs: readonly string[] = [],
  ) {
    const { manifest, createStepped: create } = scenario.plugin;
    if (!create) throw new Error(`model "${manifest.id}" has no stepped implementation`);
    this.model = create({ parameters: scenario.parameters, initial: scenario.initial, rng, inputs });
    if (inputs.length > 0 && typeof this.model.setInput !== 'function') {
      throw new Error(`model "${manifest.id}" declares inputs, but its instances have no setInput(id, value)`);
    }
  }

  get time(): number {
    return this.t;
  }

  sample(t: number, _horizon: number, out: Float64Array): void {
    this.advanceTo(t);
    this.model.observe(out);
  }

  /** Writes the model's observables now into `out`. */
  observe(out: Float64Array): void {
    this.model.observe(out);
  }

  /** Sets one of the model's connected input ports. */
  setInput(id: string, value: number): void {
    this.model.setInput!(id, value);
  }

  advanceTo(t: number): void {
    const dt = this.model.dt;
    // The last step is shortened so the model lands exactly on t.
    while (t - this.t > 1e-12 * Math.max(1, t)) {
      const h = Math.min(dt, t - this.t);
      this.model.step(h);
      this.steps++;
      this.t = t - this.t <= dt ? t : this.t + h;
    }
  }

  apply(intervention: ResolvedIntervention, phase: 'start' | 'stop'): void {
    this.model.apply({ kind: intervention.spec.kind, phase, values: intervention.values, index: intervention.index });
  }

  initialState(): Record<string, number> {
    return { ...this.scenario.initial };
  }

  work(): number {
    return this.steps;
  }

  view(fields?: readonly string[]): TissueView | undefined {
    return this.model.view?.(fields);
  }

  snapshot(): unknown {
    return { t: this.t, steps: this.steps, model: this.model.snapshot() };
  }

  restore(snapshot: unknown): void {
    const s = snapshot as { t: number; steps: number; model: unknown };
    this.t = s.t;
    this.steps = s.steps;
    this.model.restore(s.model);
  }
}
