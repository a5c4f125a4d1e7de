import { evaluateExpression, parseExpression } from '../expr/index.js';
import type { CompiledNetwork } from '../network/index.js';
import type { InterventionEffect } from '../schema/index.js';
import type { ResolvedIntervention } from './resolveScenario.js';

/** How a network simulation changes its state when an intervention adds or removes material. */
export interface StateEditor {
  /** Adds `amount` of species `index`. */
  add(index: number, amount: number): void;
  /** Removes fraction `f` of species `index`. */
  removeFraction(index: number, fraction: number): void;
}

/**
 * Tracks which interventions are active on a reaction-network model and keeps the network's effective
 * parameters equal to base × the product of the active scale factors. Factors and amounts are evaluated
 * once, when the intervention starts, from its field values and the model's base parameters.
 */
export class NetworkInterventions {
  private readonly base: Float64Array;
  private readonly activeFactors = new Map<number, { parameter: number; factor: number }[]>();
  private readonly paramIndex: Map<string, number>;
  private readonly speciesIndex: Map<string, number>;

  constructor(
    private readonly network: CompiledNetwork,
    private readonly baseParameters: Readonly<Record<string, number>>,
  ) {
    this.base = Float64Array.from(network.params);
    this.paramIndex = new Map(network.parameterIds.map((id, i) => [id, i]));
    this.speciesIndex = new Map(network.speciesIds.map((id, i) => [id, i]));
  }

  private evaluate(expression: string, intervention: ResolvedIntervention): number {
    const value = evaluateExpression(
      parseExpression(expression),
      (name) => intervention.values[name] ?? this.baseParameters[name],
    );
    if (!Number.isFinite(value)) {
      throw new Error(
        `intervention "${intervention.spec.kind}" (interventions[${intervention.index}]): "${expression}" evaluated to ${value}`,
      );
    }
    return value;
  }

  private recompute(): void {
    const params = this.network.params;
    params.set(this.base);
    for (const factors of this.activeFactors.values()) {
      for (const { parameter, factor } of factors) params[parameter] *= factor;
    }
  }

  /** The active scale factors, for snapshots (plain data). */
  snapshot(): [number, { parameter: number; factor: number }[]][] {
    return [...this.activeFactors].map(([index, factors]) => [index, factors.map((f) => ({ ...f }))]);
  }

  /** Restores active factors from `snapshot` and recomputes the effective parameters. */
  restore(snapshot: [number, { parameter: number; factor: number }[]][]): void {
    this.activeFactors.clear();
    for (const [index, factors] of snapshot)
      this.activeFactors.set(
        index,
        factors.map((f) => ({ ...f })),
      );
    this.recompute();
  }

  /** Starts or stops an intervention, editing parameters and (at start) the state. */
  apply(intervention: ResolvedIntervention, phase: 'start' | 'stop', state: StateEditor): void {
    const effects: readonly InterventionEffect[] = intervention.spec.effects ?? [];
    if (phase === 'stop') {
      this.activeFactors.delete(intervention.index);
      this.recompute();
      return;
    }
    const factors: { parameter: number; factor: number }[] = [];
    for (const effect of effects) {
      switch (effect.type) {
        case 'scale':
          factors.push({
            parameter: this.paramIndex.get(effect.parameter)!,
            factor: this.evaluate(effect.factor, intervention),
          });
          break;
        case 'add':
          state.add(this.speciesIndex.get(effect.species)!, this.evaluate(effect.amount, intervention));
          break;
        case 'removeFraction':
          state.removeFraction(this.speciesIndex.get(effect.species)!, this.evaluate(effect.fraction, intervention));
          break;
      }
    }
    if (factors.length > 0) {
      // A lasting intervention's factors are removed at its stop; a one-off's stay for the rest of the run.
      this.activeFactors.set(intervention.index, factors);
      this.recompute();
    }
  }
}
