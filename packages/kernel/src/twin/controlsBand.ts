import { resolveBand, ValidationError, type BandSpec, type ResolvedScenario } from '@immunotwin/engine';

/**
 * The `band` option of `twin.controls()` checked against the twin's scenario as the workbench will check it (the
 * engine's `resolveBand`): a ValidationError names the option's field, the value and what is allowed, e.g.
 * `Invalid twin.controls options: band.size: must be ≥ 2; got 1 (…)`. Returns a copy of the band as given (a
 * cohort's parameters stay unnamed, so the workbench varies every one it can).
 */
export function controlsBand(scenario: ResolvedScenario, band: unknown): BandSpec {
  try {
    resolveBand(scenario, band);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(
      'twin.controls options',
      error.issues.map((issue) => ({ ...issue, path: issue.path ? `band.${issue.path}` : 'band' })),
    );
  }
  return structuredClone(band as BandSpec);
}
