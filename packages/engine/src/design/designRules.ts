import type { ValidationIssue } from '../validation/validationError.js';
import { describeValue } from '../validation/validationError.js';
import { DesignArgumentError } from './designArgumentError.js';
import type { Design } from './designFormat.js';
import { createDistribution, type DistributionSpec } from './distributionSpec.js';
import { MORRIS_DEFAULT_LEVELS } from './morris.js';
import { SOBOL_MAX_DIMENSIONS } from './sobolDirections.js';

/** Settings each design kind needs (`required`) and may have (`allowed`). */
const SETTINGS: Record<Design['design']['kind'], { required: string[]; allowed: string[] }> = {
  grid: { required: [], allowed: ['levels'] },
  lhs: { required: ['n', 'seed'], allowed: ['n', 'seed', 'centered'] },
  sobol: { required: ['n'], allowed: ['n', 'skip'] },
  saltelli: { required: ['n'], allowed: ['n', 'skip', 'secondOrder'] },
  random: { required: ['n', 'seed'], allowed: ['n', 'seed'] },
  morris: { required: ['n', 'seed'], allowed: ['n', 'seed', 'levels'] },
};

/** Problems with one parameter entry that the schema cannot see. */
function parameterIssues(design: Design, index: number): ValidationIssue[] {
  const parameter = design.parameters[index]!;
  const path = `parameters[${index}]`;
  const issues: ValidationIssue[] = [];
  const given = (['distribution', 'range', 'values'] as const).filter((key) => parameter[key] !== undefined);
  if (given.length !== 1) {
    issues.push({
      path,
      message: `${parameter.id} gives ${given.length === 0 ? 'none' : given.join(' and ')}; give exactly one of distribution, range, values`,
    });
  }
  if (parameter.scale !== undefined && parameter.range === undefined) {
    issues.push({ path: `${path}.scale`, message: 'only applies to a range' });
  }
  if (parameter.levels !== undefined && (design.design.kind !== 'grid' || parameter.values !== undefined)) {
    issues.push({
      path: `${path}.levels`,
      message: 'only applies to a range or distribution in a grid design (listed values are their own levels)',
    });
  }
  if (
    design.design.kind === 'grid' &&
    parameter.values === undefined &&
    (parameter.levels ?? design.design.levels) === undefined
  ) {
    issues.push({
      path: `${path}.levels`,
      message: `is required in a grid design (or design.levels for every parameter)`,
    });
  }
  const morrisLevels = design.design.levels ?? MORRIS_DEFAULT_LEVELS;
  if (design.design.kind === 'morris' && parameter.values && parameter.values.length !== morrisLevels) {
    issues.push({
      path: `${path}.values`,
      message: `lists ${parameter.values.length} values but a morris design of ${morrisLevels} levels uses each listed value as one level; list exactly ${morrisLevels}`,
    });
  }
  const range = parameter.range;
  if (range) {
    const [lower, upper] = range as [number, number];
    if (!(upper > lower)) {
      issues.push({ path: `${path}.range[1]`, message: `must be greater than range[0] (${lower}); got ${upper}` });
    } else if (parameter.scale === 'log' && !(lower > 0)) {
      issues.push({ path: `${path}.range[0]`, message: `must be > 0 for a log scale; got ${lower}` });
    }
  }
  if (parameter.distribution) {
    try {
      createDistribution(parameter.distribution as DistributionSpec);
    } catch (error) {
      if (!(error instanceof DesignArgumentError)) throw error;
      const field = error.field;
      const value = field
        .split('.')
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], parameter.distribution);
      issues.push({
        path: `${path}.distribution.${field}`,
        message: `must be ${error.allowed}; got ${field === 'truncate' ? JSON.stringify(value) : describeValue(value)}`,
      });
    }
  }
  return issues;
}

/**
 * The rules of a design that its JSON Schema cannot express: parameter ids used once and not also set by the
 * scenario; exactly one of distribution, range, values per parameter; valid ranges and distributions; the settings
 * each design kind needs and no others; an even number of morris levels, and as many listed values; no more
 * parameters than the Sobol' table supports; each outcome's options only where they apply (a threshold for
 * clearanceTime). Empty when it is valid.
 */
export function checkDesignRules(design: Design): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  design.parameters.forEach((parameter, index) => {
    if (seen.has(parameter.id)) {
      issues.push({ path: `parameters[${index}].id`, message: `"${parameter.id}" is varied twice; ids must differ` });
    }
    seen.add(parameter.id);
    if (design.scenario.parameters?.[parameter.id] !== undefined) {
      issues.push({
        path: `scenario.parameters.${parameter.id}`,
        message: `is set by the scenario and varied by the design; leave it out of one of them`,
      });
    }
    issues.push(...parameterIssues(design, index));
  });
  design.outcomes?.forEach((outcome, index) => {
    if (outcome.summary === 'clearanceTime' && outcome.threshold === undefined) {
      issues.push({ path: `outcomes[${index}].threshold`, message: 'is required for a clearanceTime outcome' });
    }
    if (outcome.threshold !== undefined && outcome.summary !== 'clearanceTime') {
      issues.push({ path: `outcomes[${index}].threshold`, message: 'applies to clearanceTime only' });
    }
    if ((outcome.log10 !== undefined || outcome.floor !== undefined) && outcome.summary !== 'auc') {
      issues.push({ path: `outcomes[${index}]`, message: 'log10 and floor apply to auc only' });
    }
  });
  const spec = design.design as Record<string, unknown> & { kind: Design['design']['kind'] };
  const { required, allowed } = SETTINGS[spec.kind];
  for (const key of required) {
    if (spec[key] === undefined)
      issues.push({ path: `design.${key}`, message: `is required for a ${spec.kind} design` });
  }
  for (const key of Object.keys(spec)) {
    if (key !== 'kind' && !allowed.includes(key)) {
      issues.push({
        path: `design.${key}`,
        message: `does not apply to a ${spec.kind} design; its settings: ${allowed.join(', ') || 'none'}`,
      });
    }
  }
  const levels = design.design.levels;
  if (spec.kind === 'morris' && levels !== undefined && levels % 2 !== 0) {
    issues.push({ path: 'design.levels', message: `must be even in a morris design; got ${levels}` });
  }
  const d = design.parameters.length;
  const maxDimensions = spec.kind === 'saltelli' ? Math.floor(SOBOL_MAX_DIMENSIONS / 2) : SOBOL_MAX_DIMENSIONS;
  if ((spec.kind === 'sobol' || spec.kind === 'saltelli') && d > maxDimensions) {
    issues.push({
      path: 'parameters',
      message: `a ${spec.kind} design varies at most ${maxDimensions} parameters; got ${d}`,
    });
  }
  return issues;
}
