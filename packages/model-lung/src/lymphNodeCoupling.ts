import type { Scenario } from '@immunotwin/engine';

/** A scenario's coupling block. */
type Coupling = NonNullable<Scenario['coupling']>;

/** Minutes per day. */
const MINUTES_PER_DAY = 1440;

/**
 * The lymph-node links of the README ("Coupling to the lymph node"), for a lung section of `latticeSize` 5-µm
 * sites and the immune twin's default patch (64² sites of 20 µm), with the partner named `node`:
 * - antigen: the section's drained virions per day × (patch area / section area) — both stand for the same
 *   infected lung, so the patch gets the antigen of an equal area (1 a.u. per virion);
 * - effectors: the node's responding CD8 cells × ctlHoming (0.4 /day) ÷ 1440 min/day × 5000 (mouse → human,
 *   SIMCoV's factor for tcell-generation-rate) = cells per minute entering the lung's circulation;
 * - antibody: the immune twin's virus clearance by antibody (1/day) ÷ 1440 = 1/min.
 */
export function lymphNodeLinks(latticeSize: number): Coupling['links'] {
  const sectionArea = (latticeSize * 5) ** 2;
  const patchArea = (64 * 20) ** 2;
  return [
    { from: 'lung.antigenOut', to: 'node.antigenIn', scale: patchArea / sectionArea },
    { from: 'node.cd8Effector', to: 'lung.effectorSupply', scale: (0.4 / MINUTES_PER_DAY) * 5000 },
    { from: 'node.virusNeutralisation', to: 'lung.antibodyClearance', scale: 1 / MINUTES_PER_DAY },
  ];
}

/** Options of {@link lymphNodeCoupling}. */
export interface LymphNodeCouplingOptions {
  /** Interventions on the Immune System Twin (e.g. T-cell depletion in the node). */
  readonly nodeInterventions?: Scenario['interventions'];
  /** The links (default: all three of {@link lymphNodeLinks}). */
  readonly links?: Coupling['links'];
}

/**
 * A Lung Twin scenario's `coupling` to an uninfected Immune System Twin's lymph node (partner `node`, inoculum 0:
 * its antigen is the lung's), exchanging every 0.125 day, for a section of `latticeSize` sites a side.
 */
export function lymphNodeCoupling(latticeSize: number, options: LymphNodeCouplingOptions = {}): Coupling {
  return {
    interval: 0.125,
    partners: {
      node: { model: 'immune-system', parameters: { inoculum: 0 }, interventions: options.nodeInterventions ?? [] },
    },
    links: options.links ?? lymphNodeLinks(latticeSize),
  };
}
