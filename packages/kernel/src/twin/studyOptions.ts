import {
  OUTCOMES,
  parseDesign,
  type Design,
  type DesignParameter,
  type DesignSpec,
  type ModelManifest,
  type OutcomeName,
  type OutcomeRequest,
  type Scenario,
} from '@immunotwin/engine';

/** How one parameter varies in a study: a range, listed values, or a distribution (as in a design file). */
export type StudyParameter = Omit<DesignParameter, 'id'>;

/**
 * Run settings a study may change for every run (the rest of the scenario is the twin's); `coupling` runs each
 * of them coupled to partner models, found in the pool workers' registry as `twin.run({ coupling })` finds them.
 */
export type StudyRunSettings = Partial<
  Pick<Scenario, 'duration' | 'method' | 'seed' | 'replicates' | 'outputInterval' | 'coupling'>
>;

/** An outcome: `"V.peak"` (observable.summary) or a request with options (`{ observable, summary, threshold }`). */
export type StudyOutcome = string | OutcomeRequest;

/** Options of `twin.sweep()`. */
export interface SweepOptions extends StudyRunSettings {
  /** The parameters varied, by id: `{ beta: { range: [1e-5, 1e-4], scale: 'log' }, c: { values: [2, 5, 10] } }`. */
  parameters: Record<string, StudyParameter>;
  /**
   * The design (default: a grid of 7 levels a parameter when every parameter has a range or values; a Latin
   * hypercube of 200 runs when one has a distribution: a virtual cohort).
   */
  design?: DesignSpec;
  /** What to read from each run (default: the peak of the model's first observable). */
  outcomes?: readonly StudyOutcome[];
  /** An observable whose median and 5–95 % band over the runs to draw (default for cohorts: the first outcome's). */
  band?: string | false;
}

/** Options of `twin.sensitivity()`. */
export interface SensitivityOptions extends StudyRunSettings {
  /** The parameters screened, by id, each with a range (or a distribution). */
  parameters: Record<string, StudyParameter>;
  /**
   * `'sobol'` (a Saltelli design; first-order and total indices with bootstrap intervals; the default) or
   * `'prcc'` (a Latin hypercube; partial rank correlations with p-values).
   */
  analysis?: 'sobol' | 'prcc';
  /** Base rows of the Saltelli design (n·(d + 2) runs; default 256) or runs of the hypercube (default 200). */
  n?: number;
  /** What to read from each run (default: the peak of the model's first observable). */
  outcomes?: readonly StudyOutcome[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads `"V.peak"` or a request object, checking the observable and the summary against the model. */
export function outcomeRequest(manifest: ModelManifest, value: StudyOutcome, where: string): OutcomeRequest {
  const observables = manifest.observables.map((o) => o.id);
  const summaries = Object.keys(OUTCOMES);
  let request: OutcomeRequest;
  if (typeof value === 'string') {
    const dot = value.lastIndexOf('.');
    request = { observable: value.slice(0, dot), summary: value.slice(dot + 1) as OutcomeName };
    if (dot < 0) {
      throw new TypeError(
        `${where}: ${JSON.stringify(value)} is not an outcome; write observable.summary, e.g. "${observables[0]}.peak" (summaries: ${summaries.join(', ')})`,
      );
    }
  } else if (isObject(value)) request = value;
  else throw new TypeError(`${where}: expects "observable.summary" text or { observable, summary }`);
  if (!observables.includes(request.observable)) {
    throw new RangeError(
      `${where}: unknown observable ${JSON.stringify(request.observable)}; allowed: ${observables.join(', ')}`,
    );
  }
  if (!summaries.includes(request.summary)) {
    throw new RangeError(
      `${where}: unknown summary ${JSON.stringify(request.summary)}; allowed: ${summaries.join(', ')}`,
    );
  }
  return request;
}

/** The outcome requests of a study's options (default: the peak of the first observable). */
export function outcomeRequests(manifest: ModelManifest, outcomes: readonly StudyOutcome[] | undefined, what: string) {
  if (outcomes === undefined) return [{ observable: manifest.observables[0]!.id, summary: 'peak' as const }];
  if (!Array.isArray(outcomes) || outcomes.length === 0) {
    throw new TypeError(`${what}: outcomes must be a non-empty array, e.g. ["${manifest.observables[0]!.id}.peak"]`);
  }
  return outcomes.map((o, i) => outcomeRequest(manifest, o, `${what}: outcomes[${i}]`));
}

/**
 * A study of the twin as a design document (the format of `immunotwin sweep`, so the same checks and the same
 * runs): the twin's scenario with the run settings, the varied parameters removed from it, the design and the
 * outcomes. `parseDesign` checks it; errors name the design field, the value and what is allowed.
 */
export function studyDesign(
  twinScenario: Scenario,
  parameters: Record<string, StudyParameter>,
  spec: DesignSpec,
  outcomes: readonly OutcomeRequest[],
  settings: StudyRunSettings,
  what: string,
): Design {
  if (!isObject(parameters) || Object.keys(parameters).length === 0) {
    throw new TypeError(
      `${what}: parameters must name at least one parameter, e.g. { beta: { range: [1e-5, 1e-4], scale: 'log' } }`,
    );
  }
  const varied = Object.keys(parameters);
  const fixed = Object.fromEntries(
    Object.entries(twinScenario.parameters ?? {}).filter(([id]) => !varied.includes(id)),
  );
  const known = ['duration', 'method', 'seed', 'replicates', 'outputInterval', 'coupling'] as const;
  const run = Object.fromEntries(known.filter((k) => settings[k] !== undefined).map((k) => [k, settings[k]]));
  return parseDesign({
    version: 1,
    scenario: { ...twinScenario, ...run, parameters: fixed },
    parameters: varied.map((id) => ({ ...parameters[id], id })),
    design: spec,
    outcomes: outcomes.map((o) => ({ ...o })),
  });
}
