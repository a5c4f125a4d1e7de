import type { Scenario } from '../schema/scenario.js';
import type { Design } from './designFormat.js';
import type { DesignRun } from './designPoints.js';

/**
 * The scenario of one run of a design: the design's scenario with the run's parameter values over its own. Plain
 * data, not yet resolved against the model (a worker resolves it where it runs).
 */
export function designScenario(design: Design, run: DesignRun): Scenario {
  return { ...design.scenario, parameters: { ...design.scenario.parameters, ...run } } as Scenario;
}

/** The replicate indices every run of a design makes: 0 … replicates − 1 of its scenario (1 by default). */
export function designReplicates(design: Design): number[] {
  return Array.from({ length: design.scenario.replicates ?? 1 }, (_, r) => r);
}
