import { expressionFunction, namesIn, parseExpression } from '../expr/index.js';
import type { NoiseSpec, NoiseValue, ObservationModel, ObservationSpec } from '../schema/index.js';
import { NoiseSchema, ObservationModelSchema } from '../schema/index.js';
import {
  describeValue,
  isPlainObject,
  SchemaValidator,
  ValidationError,
  type ValidationIssue,
} from '../validation/index.js';
import { isContinuousNoise, type NoiseKind, type NoiseValues } from './noiseModels.js';

const observationModelValidator = new SchemaValidator(ObservationModelSchema, 'observation model');

/** The name an observation expression reads the time of the measurement by. */
export const OBSERVATION_TIME_NAME = 'time';

/** The names an observation model may refer to. */
export interface ObservationContext {
  /** The model's observable ids, in the order of the rows `predict` receives. */
  readonly observables: readonly string[];
  /** The model's parameter ids, in the order of the parameter vector `predict` receives. */
  readonly parameters: readonly string[];
  /** Estimated noise parameters: id → position in the fit's θ vector. */
  readonly noiseParameters: ReadonlyMap<string, number>;
}

/** One observation entry compiled against a model: a fast prediction and its noise parameters. */
export interface CompiledObservation {
  /** The observed observable it explains. */
  readonly observable: string;
  /** Its entry in the observation model. */
  readonly spec: ObservationSpec;
  /** The noise model's kind. */
  readonly kind: NoiseKind;
  /** Whether values at or below a detection limit are censored. */
  readonly censor: boolean;
  /** Whether a noise parameter is estimated (then −log L is not least squares). */
  readonly estimatesNoise: boolean;
  /** The measured quantity predicted from a row of model observables, the parameter values and the time. */
  predict(observables: Float64Array, parameters: Float64Array, time: number): number;
  /** The noise parameter values at θ. */
  noiseValues(theta: Float64Array): NoiseValues;
}

/** The noise parameters a kind reads, by field name. */
const NOISE_FIELDS: Readonly<Record<NoiseKind, readonly ('sigma' | 'df' | 'dispersion')[]>> = {
  gaussian: ['sigma'],
  lognormal: ['sigma'],
  'student-t': ['sigma', 'df'],
  poisson: [],
  'negative-binomial': ['dispersion'],
};

/** One validator per noise kind, so a noise object is checked against its own kind's fields only. */
const noiseValidators = new Map(
  NoiseSchema.anyOf.map((branch) => [branch.properties.kind.const as string, new SchemaValidator(branch, 'noise')]),
);

/**
 * The issues of each entry's `noise`, checked against the fields of its own `kind` (a union's errors would list every
 * other kind's fields too); an unknown kind is one issue listing the kinds.
 */
function noiseIssues(input: unknown): ValidationIssue[] {
  const entries = isPlainObject(input) && Array.isArray(input.observations) ? input.observations : [];
  return entries.flatMap((entry: unknown, i: number) => {
    const noise = isPlainObject(entry) ? entry.noise : undefined;
    if (!isPlainObject(noise)) return [];
    const path = `observations[${i}].noise`;
    const validator = noiseValidators.get(noise.kind as string);
    if (!validator) {
      return [
        {
          path: `${path}.kind`,
          message: `${describeValue(noise.kind)} is not a noise model; allowed: ${[...noiseValidators.keys()].map((k) => `"${k}"`).join(', ')}`,
        },
      ];
    }
    const seen = new Set<string>();
    return validator.issues(noise).flatMap((issue) => {
      const field = issue.path as 'sigma' | 'df' | 'dispersion';
      const valueIssue = NOISE_FIELDS[noise.kind as NoiseKind].includes(field) && field in noise;
      if (valueIssue && seen.has(field)) return [];
      seen.add(field);
      const message = valueIssue
        ? `must be a fixed value > 0 or the id of an estimated fit parameter; got ${describeValue(noise[field])}`
        : issue.message;
      return [{ path: `${path}.${issue.path}`, message }];
    });
  });
}

/** Validates an observation model document (any JSON value); throws a ValidationError naming the field. */
export function parseObservationModel(input: unknown): ObservationModel {
  const issues = observationModelValidator.issues(input);
  if (issues.length === 0) return input as ObservationModel;
  const insideNoise = /^observations\[\d+\]\.noise\./;
  throw new ValidationError('observation model', [
    ...issues.filter((i) => !insideNoise.test(i.path)),
    ...noiseIssues(input),
  ]);
}

/** Reads a noise value: a number stays, an id reads θ at its position. */
function noiseReader(
  value: NoiseValue | undefined,
  path: string,
  context: ObservationContext,
  issues: ValidationIssue[],
): (theta: Float64Array) => number {
  if (value === undefined) return () => Number.NaN;
  if (typeof value === 'number') return () => value;
  const index = context.noiseParameters.get(value);
  if (index === undefined) {
    const known = [...context.noiseParameters.keys()];
    issues.push({
      path,
      message: `${describeValue(value)} is not an estimated parameter; allowed: a number > 0${known.length ? ` or one of ${known.join(', ')}` : ''} (list it in the fit's parameters to estimate it)`,
    });
  }
  return (theta) => theta[index as number];
}

/**
 * Validates an observation model and compiles it against a model: expressions over the model's observables,
 * parameters and `time` (e.g. `log10(V)`), noise parameters fixed or read from θ. Throws one ValidationError naming
 * each problem (unknown names, unknown noise parameters, an observable listed twice, censoring of counts).
 */
export function compileObservationModel(input: unknown, context: ObservationContext): CompiledObservation[] {
  const model = parseObservationModel(input);
  const issues: ValidationIssue[] = [];
  const observableIndex = new Map(context.observables.map((id, i) => [id, i]));
  const parameterIndex = new Map(context.parameters.map((id, i) => [id, i]));
  const seen = new Set<string>();
  const compiled = model.observations.map((spec, i): CompiledObservation | undefined => {
    const path = `observations[${i}]`;
    if (seen.has(spec.observable)) {
      issues.push({ path: `${path}.observable`, message: `"${spec.observable}" is listed twice; allowed: once` });
    }
    seen.add(spec.observable);
    const source = spec.expression ?? spec.observable;
    const resolve = (name: string): string | undefined => {
      if (observableIndex.has(name)) return `o[${observableIndex.get(name)}]`;
      if (parameterIndex.has(name)) return `p[${parameterIndex.get(name)}]`;
      return name === OBSERVATION_TIME_NAME ? 't' : undefined;
    };
    let predict: CompiledObservation['predict'] | undefined;
    try {
      const node = parseExpression(source);
      const unknown = [...namesIn(node)].filter((name) => resolve(name) === undefined);
      if (unknown.length > 0) {
        issues.push({
          path: `${path}.${spec.expression === undefined ? 'observable' : 'expression'}`,
          message: `${describeValue(source)} refers to ${unknown.map((n) => `"${n}"`).join(', ')}, not in the model; allowed: observables ${context.observables.join(', ')}; parameters ${context.parameters.join(', ')}; ${OBSERVATION_TIME_NAME}`,
        });
      } else predict = expressionFunction(node, ['o', 'p', 't'], resolve);
    } catch (error) {
      issues.push({ path: `${path}.expression`, message: (error as Error).message });
    }
    const noise: NoiseSpec = spec.noise;
    const fields = NOISE_FIELDS[noise.kind];
    const record = noise as Partial<Record<'sigma' | 'df' | 'dispersion', NoiseValue>>;
    const readers = {
      sigma: noiseReader(record.sigma, `${path}.noise.sigma`, context, issues),
      df: noiseReader(record.df, `${path}.noise.df`, context, issues),
      dispersion: noiseReader(record.dispersion, `${path}.noise.dispersion`, context, issues),
    };
    const censor = spec.censor ?? isContinuousNoise(noise.kind);
    if (censor && !isContinuousNoise(noise.kind)) {
      issues.push({
        path: `${path}.censor`,
        message: `a ${noise.kind} count cannot be censored at a detection limit; allowed: false (or a continuous noise model)`,
      });
    }
    if (!predict) return undefined;
    const estimatesNoise = fields.some((f) => typeof record[f] === 'string');
    return {
      observable: spec.observable,
      spec,
      kind: noise.kind,
      censor,
      estimatesNoise,
      predict,
      noiseValues: (theta) => ({
        sigma: readers.sigma(theta),
        df: readers.df(theta),
        dispersion: readers.dispersion(theta),
      }),
    };
  });
  if (issues.length > 0) throw new ValidationError('observation model', issues);
  return compiled as CompiledObservation[];
}
