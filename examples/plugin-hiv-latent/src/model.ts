import type { InterventionEvent, ModelPlugin, SteppedModel, SteppedModelContext } from '@immunotwin/engine';
import { hivDerivatives, untreatedSetPoint, STATE_SIZE, type HivParameters } from './hivDynamics.js';
import { manifest } from './manifest.js';
import { RungeKutta4 } from './rk4.js';

/** The model's whole state: what `snapshot()` returns and `restore()` takes. */
interface HivState {
  /** T, I, L, V (cells/mL, cells/mL, cells/mL, copies/mL). */
  readonly y: Float64Array;
  /** Efficacy of each ART course now active, by its index in the scenario. */
  readonly courses: ReadonlyArray<readonly [number, number]>;
}

/**
 * Chronic HIV infection with a latent reservoir, integrated by its own fixed-step RK4 (step 0.01 day: stable
 * and accurate for virus clearance at c·h ≤ 0.5). It starts at the untreated set point; ART courses block new
 * infections with their efficacy ε, and overlapping courses combine as independent blocks,
 * 1 − ε = Π(1 − ε_i).
 */
class HivLatentReservoir implements SteppedModel {
  readonly dt = 0.01;
  private readonly y: Float64Array;
  private courses = new Map<number, number>();
  private efficacy = 0;
  private readonly integrator: RungeKutta4;

  constructor(context: SteppedModelContext) {
    const parameters = context.parameters as unknown as HivParameters;
    this.y = untreatedSetPoint(parameters);
    this.integrator = new RungeKutta4(
      STATE_SIZE,
      hivDerivatives(parameters, () => this.efficacy),
    );
  }

  step(h: number): void {
    this.integrator.step(this.y, h);
  }

  observe(out: Float64Array): void {
    out.set(this.y);
  }

  apply(event: InterventionEvent): void {
    if (event.kind !== 'art') return;
    if (event.phase === 'start') this.courses.set(event.index, event.values.efficacy);
    else this.courses.delete(event.index);
    this.efficacy = combinedEfficacy(this.courses.values());
  }

  snapshot(): HivState {
    return { y: this.y.slice(), courses: [...this.courses] };
  }

  restore(snapshot: unknown): void {
    const state = snapshot as HivState;
    this.y.set(state.y);
    this.courses = new Map(state.courses);
    this.efficacy = combinedEfficacy(this.courses.values());
  }
}

/** 1 − Π(1 − ε_i): the efficacy of independent blocks together (0 with none). */
function combinedEfficacy(efficacies: Iterable<number>): number {
  let escape = 1;
  for (const efficacy of efficacies) escape *= 1 - efficacy;
  return 1 - escape;
}

/** The plugin: what the engine registers, found by the workers among this module's exports. */
export const plugin: ModelPlugin = {
  manifest,
  createStepped: (context) => new HivLatentReservoir(context),
};
