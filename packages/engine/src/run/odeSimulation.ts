import { createStepper } from '../ode/index.js';
import type { OdeStepper, OdeStepperState } from '../ode/types.js';
import type { CompiledNetwork } from '../network/index.js';
import { NetworkInterventions } from './networkInterventions.js';
import { prepareNetwork, stateRecord } from './networkState.js';
import type { ResolvedIntervention, ResolvedScenario } from './resolveScenario.js';
import type { Simulation } from './simulation.js';

/**
 * A deterministic run of a reaction network: Dormand–Prince 5(4) (or Rosenbrock when `solver.stiff`)
 * with dense output for samples, exact stops at every breakpoint and non-negative species.
 */
export class OdeSimulation implements Simulation {
  private readonly network: CompiledNetwork;
  private readonly stepper: OdeStepper;
  private readonly interventions: NetworkInterventions;
  private readonly scratch: Float64Array;
  private readonly initial: Record<string, number>;

  constructor(scenario: ResolvedScenario) {
    const { network, state } = prepareNetwork(scenario);
    this.network = network;
    this.initial = stateRecord(network, state);
    this.scratch = new Float64Array(state.length);
    this.interventions = new NetworkInterventions(network, scenario.parameters);
    this.stepper = createStepper(scenario.solver.stiff ? 'rosenbrock' : 'dopri5', network.rhs, 0, state, {
      rtol: scenario.solver.rtol,
      atol: scenario.solver.atol,
      nonNegative: true,
    });
  }

  get time(): number {
    return this.stepper.t;
  }

  sample(t: number, horizon: number, out: Float64Array): void {
    this.stepper.stepUntil(t, horizon);
    if (this.stepper.t === t) {
      this.network.observe(this.stepper.y, out, t);
    } else {
      this.stepper.interpolate(t, this.scratch);
      for (let i = 0; i < this.scratch.length; i++) if (this.scratch[i] < 0) this.scratch[i] = 0;
      this.network.observe(this.scratch, out, t);
    }
  }

  advanceTo(t: number): void {
    if (this.stepper.t < t) this.stepper.advanceTo(t);
  }

  apply(intervention: ResolvedIntervention, phase: 'start' | 'stop'): void {
    const y = Float64Array.from(this.stepper.y);
    this.interventions.apply(intervention, phase, {
      add: (i, amount) => (y[i] += amount),
      removeFraction: (i, fraction) => (y[i] *= 1 - fraction),
    });
    this.stepper.reset(this.stepper.t, y);
  }

  initialState(): Record<string, number> {
    return { ...this.initial };
  }

  work(): number {
    return this.stepper.stats.accepted;
  }

  snapshot(): unknown {
    return { stepper: this.stepper.getState(), interventions: this.interventions.snapshot() };
  }

  restore(snapshot: unknown): void {
    const s = snapshot as { stepper: OdeStepperState; interventions: ReturnType<NetworkInterventions['snapshot']> };
    this.interventions.restore(s.interventions);
    this.stepper.setState(s.stepper);
  }
}
