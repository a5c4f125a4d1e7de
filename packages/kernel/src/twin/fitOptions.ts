import {
  defaultObservationEntry,
  isPlainObject,
  type FitParameter,
  type ModelManifest,
  type ObservedDataset,
} from '@immunotwin/engine';

/** A parameter `twin.fit` estimates: an id (its manifest range and scale), or the id with bounds and a scale. */
export type FitEstimate = string | { id: string; lower?: number; upper?: number; scale?: 'linear' | 'log' };

/** Options of `twin.fit()`. */
export interface FitOptions {
  /**
   * The parameters to estimate (required): ids, searched over their manifest range on a log scale when the range is
   * positive, or `{ id, lower, upper, scale }`. A noise parameter the observation model names needs bounds.
   */
  estimate: readonly FitEstimate[];
  /**
   * The observation model (schema/observation-model.schema.json). Default: a measured `X` is the model's `X`, a
   * measured `log10X` is log10 of the model's `X`, Gaussian noise σ = 1; values at a detection limit are censored.
   */
  observation?: unknown;
  /** Starts of the multi-start search (default 8). */
  starts?: number;
  /** Parametric bootstrap replicates (default 0: none). */
  bootstrap?: number;
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
  /** Seed of the starts and the bootstrap (default 1). */
  seed?: number;
  /** Which group (arm, subject) of the data to fit, when it holds several. */
  group?: string;
  /** Profile-likelihood intervals (default true). */
  profiles?: boolean;
}

/**
 * The fit parameters of `estimate`, starting at the twin's current values when they lie inside the bounds.
 * Errors name the entry (`estimate[1]`), the value and what is allowed.
 */
export function fitParameters(
  manifest: ModelManifest,
  estimate: unknown,
  current: Readonly<Record<string, number>>,
): FitParameter[] {
  const ids = manifest.parameters.map((p) => p.id);
  if (!Array.isArray(estimate) || estimate.length === 0) {
    throw new TypeError(
      `twin.fit: estimate must list the parameters to fit, e.g. { estimate: ['${ids[0] ?? 'beta'}'] }; allowed: ${ids.join(', ')}`,
    );
  }
  return estimate.map((entry: unknown, i) => {
    const field = `twin.fit: estimate[${i}]`;
    const given = typeof entry === 'string' ? { id: entry } : entry;
    if (!isPlainObject(given) || typeof given.id !== 'string') {
      throw new TypeError(`${field}: must be a parameter id or { id, lower, upper, scale }; got ${String(entry)}`);
    }
    const { id, lower, upper, scale } = given as Exclude<FitEstimate, string>;
    const spec = manifest.parameters.find((p) => p.id === id);
    if (!spec && (lower === undefined || upper === undefined)) {
      throw new RangeError(
        `${field}: "${id}" is not a parameter of "${manifest.id}", so it needs bounds (a noise parameter of the observation model); parameters: ${ids.join(', ')}`,
      );
    }
    if (scale !== undefined && scale !== 'log' && scale !== 'linear') {
      throw new RangeError(`${field}.scale: "${String(scale)}" is not allowed; allowed: 'log' or 'linear'`);
    }
    const low = lower ?? spec!.min;
    const high = upper ?? spec!.max;
    const value = current[id];
    const initial = value !== undefined && value >= low && value <= high ? { initial: value } : {};
    return { id, lower: low, upper: high, scale: scale ?? (low > 0 ? 'log' : 'linear'), ...initial };
  });
}

/** The observation model used without one: the engine's default entry for every measured observable. */
export function defaultObservation(data: readonly ObservedDataset[], manifest: ModelManifest): unknown {
  const observations = [...new Set(data.map((d) => d.observable))].map((observable) => {
    const entry = defaultObservationEntry(observable, manifest);
    if (entry) return entry;
    throw new RangeError(
      `twin.fit: data: observable "${observable}" is not an observable of "${manifest.id}" nor log10 of one; give { observation: … }; observables: ${manifest.observables.map((o) => o.id).join(', ')}`,
    );
  });
  return { observations };
}

/** Checks a whole-number option (`starts`, `bootstrap`, `seed`) and names it when it is wrong. */
export function wholeNumber(name: string, value: unknown, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`twin.fit: ${name} is ${String(value)}; allowed: a whole number from ${min} to ${max}`);
  }
  return value;
}
