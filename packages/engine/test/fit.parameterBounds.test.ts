/**
 * The generic checks of parameters to estimate are one definition (`parameterBoundIssues`), used by a scenario fit
 * (`checkFitParameters`, with its own checks of the model around them) and by `ParameterScaling`, the box every fit
 * problem is searched in, also a problem written by hand.
 */
import { describe, expect, it } from 'vitest';
import { ParameterScaling, ValidationError } from '@immunotwin/engine';

function issuesOf(action: () => unknown) {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues;
  }
  throw new Error('expected a ValidationError');
}

describe('the bounds of parameters to estimate', () => {
  it('ParameterScaling refuses what a scenario fit refuses, with the same paths and words', () => {
    expect(
      issuesOf(
        () =>
          new ParameterScaling([
            { id: 'k', lower: 0, upper: 1, scale: 'log' },
            { id: 'k', lower: 2, upper: 1, scale: 'linear' },
            { id: 'm', lower: Number.NaN, upper: 3, scale: 'linear', initial: 5 },
          ]),
      ),
    ).toEqual([
      { path: 'parameters[0].lower', message: '0 is not allowed; allowed: > 0 (the log scale needs positive values)' },
      { path: 'parameters[1].id', message: '"k" is listed twice; allowed: once' },
      { path: 'parameters[1].upper', message: '1 must be above lower (2)' },
      { path: 'parameters[2].lower', message: 'must be a finite number; got NaN' },
      { path: 'parameters[2].upper', message: '3 must be above lower (NaN)' },
      { path: 'parameters[2].initial', message: '5 is outside the bounds; allowed: NaN to 3' },
    ]);
    expect(issuesOf(() => new ParameterScaling([]))).toEqual([
      { path: 'parameters', message: 'must name at least one parameter to estimate' },
    ]);
  });

  it('a box that can be searched maps θ to log10 on a log scale and back to the bounds exactly', () => {
    const scaling = new ParameterScaling([
      { id: 'beta', lower: 1e-7, upper: 1e-3, scale: 'log' },
      { id: 'c', lower: 1, upper: 10, scale: 'linear' },
    ]);
    expect(Array.from(scaling.lower)).toEqual([-7, 1]);
    expect(Array.from(scaling.upper)).toEqual([-3, 10]);
    expect(Array.from(scaling.toTheta(scaling.upper))).toEqual([1e-3, 10]);
  });
});
