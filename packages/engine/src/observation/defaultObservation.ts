import type { ModelManifest } from '../schema/index.js';

/** One entry of the default observation model: the measured observable, its expression and noise. */
export interface DefaultObservationEntry {
  /** The measured observable. */
  readonly observable: string;
  /** log10 of a model observable, when the measured one is `log10X`. */
  readonly expression?: string;
  /** Gaussian noise of σ = 1. */
  readonly noise: { readonly kind: 'gaussian'; readonly sigma: 1 };
}

/**
 * The observation entry used when none is given: a measured `X` is the model's observable `X`, a measured
 * `log10X` is log10 of the model's `X`, with Gaussian noise of σ = 1 (ordinary least squares on the measured
 * scale; values at or below a detection limit are censored). Undefined when `observable` is neither.
 */
export function defaultObservationEntry(
  observable: string,
  manifest: ModelManifest,
): DefaultObservationEntry | undefined {
  const known = (id: string): boolean => manifest.observables.some((o) => o.id === id);
  const noise = { kind: 'gaussian', sigma: 1 } as const;
  if (known(observable)) return { observable, noise };
  const inner = /^log10(.+)$/.exec(observable)?.[1];
  if (inner !== undefined && known(inner)) return { observable, expression: `log10(${inner})`, noise };
  return undefined;
}
