import type { ModelPlugin } from './model/types.js';
import { resolveScenario } from './run/resolveScenario.js';
import { runScenario, runScenarioSync, type RunOptions, type ScenarioResult } from './run/runScenario.js';

/**
 * Validates a scenario against a model and runs it in chunks (progress, cancellation), resolving to
 * every replicate and, for ensembles, the summary bands.
 */
export function simulate(plugin: ModelPlugin, scenario: unknown, options?: RunOptions): Promise<ScenarioResult> {
  try {
    return runScenario(resolveScenario(plugin, scenario), options);
  } catch (error) {
    return Promise.reject(error as Error);
  }
}

/** Validates and runs a scenario to the end synchronously. */
export function simulateSync(plugin: ModelPlugin, scenario: unknown): ScenarioResult {
  return runScenarioSync(resolveScenario(plugin, scenario));
}
