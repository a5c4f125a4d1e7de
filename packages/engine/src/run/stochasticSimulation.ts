import type { CompiledNetwork } from '../network/index.js';
import type { Rng } from '../rng/types.js';
import { DirectMethodSsa, TauLeaping } from '../stochastic/index.js';
import type { StochasticSimulator, StochasticStats } from '../stochastic/types.js';
import { NetworkInterventions } from './networkInterventions.js';
import { prepareNetwork, stateRecord } from './networkState.js';
import type { ResolvedIntervention, ResolvedScenario } from './resolveScenario.js';
import type { Simulation } from './simulation.js';
import { checkSsaEventBudget } from './ssaEventBudget.js';

/**
 * A stochastic run of a reaction network in whole counts: exact SSA (Gillespie's direct method) or
 * adaptive tau-leaping. Initial amounts and added doses are rounded to whole numbers; depletion removes a
 * binomially drawn number of individuals.
 */
export class StochasticSimulation implements Simulation {
  private readonly network: CompiledNetwork;
  private readonly state: Float64Array;
  private readonly simulator: StochasticSimulator;
  private readonly interventions: NetworkInterventions;
  private readonly initial: Record<string, number>;
  private t = 0;

  constructor(
    scenario: ResolvedScenario,
    private readonly rng: Rng,
    signal?: AbortSignal,
  ) {
    const { network, state } = prepareNetwork(scenario);
    for (let i = 0; i < state.length; i++) state[i] = Math.round(state[i]);
    this.network = network;
    this.state = state;
    this.initial = stateRecord(network, state);
    this.interventions = new NetworkInterventions(network, scenario.parameters);
    if (scenario.method === 'ssa') checkSsaEventBudget(scenario, network.stochastic, state);
    const options = signal ? { signal } : {};
    this.simulator =
      scenario.method === 'ssa'
        ? new DirectMethodSsa(network.stochastic, rng, options)
        : new TauLeaping(network.stochastic, rng, options);
  }

  get time(): number {
    return this.t;
  }

  sample(t: number, _horizon: number, out: Float64Array): void {
    this.advanceTo(t);
    this.network.observe(this.state, out, t);
  }

  advanceTo(t: number): void {
    if (t > this.t) this.t = this.simulator.advance(this.state, this.t, t);
  }

  apply(intervention: ResolvedIntervention, phase: 'start' | 'stop'): void {
    const x = this.state;
    this.interventions.apply(intervention, phase, {
      add: (i, amount) => (x[i] += Math.round(amount)),
      removeFraction: (i, fraction) => (x[i] -= this.rng.binomial(x[i], fraction)),
    });
  }

  initialState(): Record<string, number> {
    return { ...this.initial };
  }

  work(): number {
    return this.simulator.stats.events;
  }

  snapshot(): unknown {
    return {
      t: this.t,
      state: Float64Array.from(this.state),
      rng: this.rng.getState(),
      stats: { ...this.simulator.stats },
      interventions: this.interventions.snapshot(),
    };
  }

  restore(snapshot: unknown): void {
    const s = snapshot as {
      t: number;
      state: Float64Array;
      rng: Uint32Array;
      stats: StochasticStats;
      interventions: ReturnType<NetworkInterventions['snapshot']>;
    };
    this.t = s.t;
    this.state.set(s.state);
    this.rng.setState(s.rng);
    Object.assign(this.simulator.stats, s.stats);
    this.interventions.restore(s.interventions);
  }
}
