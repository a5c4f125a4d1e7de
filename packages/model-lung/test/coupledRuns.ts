import { ModelRegistry, type Scenario } from '@immunotwin/engine';
import { immuneModel } from '@immunotwin/model-immune';
import { lungModel } from '../src/index.js';

/** A registry holding the Lung Twin and the Immune System Twin, as a host registers them. */
export const registry = new ModelRegistry();
registry.register(lungModel);
registry.register(immuneModel);

/** Minutes per day. */
const MINUTES_PER_DAY = 1440;

/**
 * The lymph-node links of the README ("Coupling to the lymph node"), for a lung section of `latticeSize` 5-µm
 * sites and the immune twin's default patch (64² sites of 20 µm):
 * - antigen: the section's drained virions per day × (patch area / section area) — both stand for the same
 *   infected lung, so the patch gets the antigen of an equal area (1 a.u. per virion);
 * - effectors: the node's responding CD8 cells × ctlHoming (0.4 /day) ÷ 1440 min/day × 5000 (mouse → human,
 *   SIMCoV's factor for tcell-generation-rate) = cells per minute entering the lung's circulation;
 * - antibody: the immune twin's virus clearance by antibody (1/day) ÷ 1440 = 1/min.
 */
export function lymphNodeLinks(latticeSize: number): NonNullable<Scenario['coupling']>['links'] {
  const sectionArea = (latticeSize * 5) ** 2;
  const patchArea = (64 * 20) ** 2;
  return [
    { from: 'lung.antigenOut', to: 'node.antigenIn', scale: patchArea / sectionArea },
    { from: 'node.cd8Effector', to: 'lung.effectorSupply', scale: (0.4 / MINUTES_PER_DAY) * 5000 },
    { from: 'node.virusNeutralisation', to: 'lung.antibodyClearance', scale: 1 / MINUTES_PER_DAY },
  ];
}

/** What a coupled lung scenario may change. */
export interface CoupledOptions {
  /** Lung parameters. */
  readonly parameters: Record<string, number>;
  /** Interventions on the immune twin. */
  readonly nodeInterventions?: Scenario['interventions'];
  /** Links (default: all three of {@link lymphNodeLinks}). */
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
    coupling: {
      interval: 0.125,
      partners: {
        node: {
          model: 'immune-system',
          parameters: { inoculum: 0 },
          interventions: options.nodeInterventions ?? [],
        },
      },
      links: options.links ?? lymphNodeLinks(latticeSize),
    },
  };
}
