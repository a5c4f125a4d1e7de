import type { ModelManifest } from '../schema/index.js';
import { Type } from '@sinclair/typebox';
import { describeValue, SchemaValidator, ValidationError, type ValidationIssue } from '../validation/index.js';
import type { FitParameter } from './fitProblem.js';
import { byParameter, parameterBoundIssues } from './parameterBounds.js';

/** The shape of the parameters to estimate (what a JSON document must hold before its values are checked). */
const FitParametersSchema = Type.Array(
  Type.Object(
    {
      id: Type.String({ minLength: 1 }),
      lower: Type.Number(),
      upper: Type.Number(),
      scale: Type.Union([Type.Literal('linear'), Type.Literal('log')]),
      initial: Type.Optional(Type.Number()),
    },
    { additionalProperties: false },
  ),
);
const fitParametersValidator = new SchemaValidator(FitParametersSchema, 'fit parameters');

/** Where an estimated parameter goes: a model parameter (by manifest index) or a noise parameter of the observations. */
export type FitParameterTarget = { readonly kind: 'model'; readonly index: number } | { readonly kind: 'noise' };

/**
 * Checks the parameters to estimate: each names a manifest parameter (not a whole-number one) or a noise parameter
 * the observation model refers to, with bounds inside the manifest's range; and the generic checks of
 * `parameterBoundIssues` (finite bounds, lower < upper, > 0 on a log scale and for noise parameters, which are
 * positive; an initial value within them; no id twice). Throws one
 * ValidationError naming each problem as `parameters[i].field`.
 */
export function checkFitParameters(
  parameters: readonly FitParameter[],
  manifest: ModelManifest,
  noiseIds: ReadonlySet<string>,
): FitParameterTarget[] {
  const shapeIssues = fitParametersValidator.issues(parameters);
  if (shapeIssues.length > 0) {
    throw new ValidationError(
      'fit',
      shapeIssues.map((issue) => ({
        path: `parameters${issue.path.startsWith('[') ? '' : '.'}${issue.path}`,
        message: issue.message,
      })),
    );
  }
  const issues: ValidationIssue[] = [];
  const manifestIndex = new Map(manifest.parameters.map((p, i) => [p.id, i]));
  for (const id of noiseIds) {
    if (manifestIndex.has(id)) {
      issues.push({
        path: 'observation',
        message: `noise parameter "${id}" has the name of a model parameter; allowed: a name the model does not use`,
      });
    }
  }
  const targets = parameters.map((parameter, i): FitParameterTarget => {
    const path = `parameters[${i}]`;
    const { id, lower, upper, scale } = parameter;
    const index = manifestIndex.get(id);
    const spec = index === undefined ? undefined : manifest.parameters[index];
    if (!spec && !noiseIds.has(id)) {
      issues.push({
        path: `${path}.id`,
        message: `${describeValue(id)} is not a parameter of model "${manifest.id}" nor a noise parameter of the observation model; allowed: ${[...manifestIndex.keys(), ...noiseIds].join(', ')}`,
      });
    }
    if (spec?.integer) {
      issues.push({
        path: `${path}.id`,
        message: `"${id}" takes whole numbers only and cannot be estimated continuously; fit each value apart`,
      });
    }
    if (scale !== 'linear' && scale !== 'log') {
      issues.push({
        path: `${path}.scale`,
        message: `${describeValue(scale)} is not allowed; allowed: "linear", "log"`,
      });
    }
    const unit = spec?.unit && spec.unit !== '1' ? ` ${spec.unit}` : '';
    if (spec && lower < spec.min) {
      issues.push({
        path: `${path}.lower`,
        message: `${lower} is below the range of "${id}"; allowed: ${spec.min} to ${spec.max}${unit}`,
      });
    }
    if (spec && upper > spec.max) {
      issues.push({
        path: `${path}.upper`,
        message: `${upper} is above the range of "${id}"; allowed: ${spec.min} to ${spec.max}${unit}`,
      });
    }
    return index === undefined ? { kind: 'noise' } : { kind: 'model', index };
  });
  // The generic checks (count, duplicates, bounds, starting values), with a noise parameter positive whatever its scale.
  const bounds = parameterBoundIssues(parameters, (p) =>
    manifestIndex.has(p.id)
      ? p.scale === 'log'
        ? 'the log scale needs positive values'
        : undefined
      : 'a noise parameter is positive',
  );
  if (issues.length + bounds.length > 0) throw new ValidationError('fit', byParameter([...issues, ...bounds]));
  return targets;
}

/** Refuses a θ of the wrong length, with a value that is not finite, or outside its parameter's bounds. */
export function checkTheta(theta: Float64Array, parameters: readonly FitParameter[]): void {
  const issues: ValidationIssue[] = [];
  if (theta.length !== parameters.length) {
    issues.push({
      path: 'theta',
      message: `has ${theta.length} values; allowed: ${parameters.length}, one per parameter`,
    });
  }
  parameters.forEach((p, i) => {
    const value = theta[i];
    if (!(value >= p.lower && value <= p.upper)) {
      issues.push({
        path: `theta[${i}]`,
        message: `${describeValue(value)} for "${p.id}" is outside its bounds; allowed: ${p.lower} to ${p.upper}`,
      });
    }
  });
  if (issues.length > 0) throw new ValidationError('parameter vector', issues);
}
