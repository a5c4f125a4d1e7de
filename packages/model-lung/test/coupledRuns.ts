import { ModelRegistry, type Scenario } from '@immunotwin/engine';
import { immuneModel } from '@immunotwin/model-immune';
import { lungModel, lymphNodeCoupling } from '../src/index.js';

/** A registry holding the Lung Twin and the Immune System Twin, as a host registers them. */
export const registry = new ModelRegistry();
registry.register(lungModel);
registry.register(immuneModel);

/** What a coupled lung scenario may change. */
export interface CoupledOptions {
  /** Lung parameters. */
  readonly parameters: Record<string, number>;
  /** Interventions on the immune twin. */
  readonly nodeInterventions?: Scenario['interventions'];
  /** Links (default: all three of `lymphNodeLinks`). */
  readonly links?: NonNullable<Scenario['coupling']>['links'];
  /** Days. */
  readonly duration?: number;
}

/** A Lung Twin scenario coupled to an uninfected Immune System Twin (inoculum 0: its antigen is the lung's). */
export function coupledScenario(seed: number, options: CoupledOptions): Scenario {
  const latticeSize = options.parameters.latticeSize ?? 100;
  return {
    model: 'lung',
    duration: options.duration ?? 8,
    outputInterval: 0.25,
    seed,
    parameters: options.parameters,
    coupling: lymphNodeCoupling(latticeSize, options),
  };
}
