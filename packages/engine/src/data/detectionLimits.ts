import type { ObservedDataset } from '../schema/index.js';

/** Each point's detection limit (null: none): a point's own limit in `detectionLimits` overrides the dataset's. */
export function detectionLimitsOf(dataset: ObservedDataset): (number | null)[] {
  return dataset.time.map((_, k) =>
    dataset.detectionLimits ? (dataset.detectionLimits[k] ?? null) : (dataset.detectionLimit ?? null),
  );
}

/** Whether point k is at or below its detection limit: the measurement only bounds the value from above. */
export function isBelowDetectionLimit(dataset: ObservedDataset, k: number): boolean {
  const limit = dataset.detectionLimits ? dataset.detectionLimits[k] : dataset.detectionLimit;
  return limit !== undefined && limit !== null && dataset.values[k] <= limit;
}
