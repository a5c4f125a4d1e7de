import type { ParameterSpec } from '../schema/parameter.js';
import { ValidationError, type ValidationIssue } from '../validation/validationError.js';
import type { Design, DesignParameter } from './designFormat.js';
import type { Distribution } from './distribution.js';
import { createDistribution, type DistributionSpec } from './distributionSpec.js';
import { logUniformDistribution, uniformDistribution } from './distributions.js';
import { fullFactorial, gridLevels } from './grid.js';
import { latinHypercube } from './latinHypercube.js';
import { MORRIS_DEFAULT_LEVELS, morrisTrajectories } from './morris.js';
import { randomPoints } from './randomDesign.js';
import { saltelliPoints } from './saltelli.js';
import { sobolPoints } from './sobol.js';

/** What `designPoints` needs of a model: its id and parameter specifications. */
export interface DesignModel {
  /** The model id (must be the scenario's model). */
  id: string;
  /** The model's parameters, with their ranges and scales. */
  parameters: readonly ParameterSpec[];
}

/** One run of a design: the varied parameters' values, by id (the scenario supplies the rest). */
export type DesignRun = Record<string, number>;

/** How one column of a design maps [0, 1] to values: a quantile function, and grid levels. */
interface ColumnMap {
  quantile(u: number): number;
  gridValues(levels: number | undefined): number[];
  /** The smallest and largest values the column can give. */
  bounds: [number, number];
}

/** The column map of a parameter entry, given the model's spec of the parameter. */
function columnMap(parameter: DesignParameter, spec: ParameterSpec): ColumnMap {
  if (parameter.values) {
    const values = parameter.values;
    return {
      quantile: (u) => values[Math.min(values.length - 1, Math.floor(u * values.length))]!,
      gridValues: () => values.slice(),
      bounds: [Math.min(...values), Math.max(...values)],
    };
  }
  let distribution: Distribution;
  let spacing: 'endpoints' | 'midpoints';
  if (parameter.range) {
    const [lower, upper] = parameter.range as [number, number];
    const scale = parameter.scale ?? spec.scale;
    distribution = scale === 'log' ? logUniformDistribution(lower, upper) : uniformDistribution(lower, upper);
    spacing = 'endpoints';
  } else {
    distribution = createDistribution(parameter.distribution as DistributionSpec);
    spacing = 'midpoints';
  }
  return {
    quantile: (u) => distribution.quantile(u),
    gridValues: (levels) => gridLevels(levels ?? 1, spacing).map((u) => distribution.quantile(u)),
    bounds: [distribution.support[0], distribution.support[1]],
  };
}

/**
 * The points of a design in the unit cube, one row per run and one column per parameter (in the file's order),
 * before they are mapped to parameter values: lhs, sobol, saltelli (layout: `saltelliLayout`), random and morris
 * designs (`morrisTrajectories`: level k of p at k/(p − 1); the coordinates SALib's Morris analysis works in, so
 * `morrisEffects` of these points and the runs' outputs gives its μ, μ*, σ). A grid has no unit points (its axes
 * are per parameter); this returns undefined for it.
 */
export function designUnitPoints(design: Design): number[][] | undefined {
  const spec = design.design;
  const d = design.parameters.length;
  const n = spec.n ?? 0;
  switch (spec.kind) {
    case 'lhs':
      return latinHypercube(n, d, spec.seed ?? 0, { centered: spec.centered ?? false });
    case 'sobol':
      return sobolPoints(n, d, { skip: spec.skip ?? 0 });
    case 'saltelli':
      return saltelliPoints(n, d, { skip: spec.skip ?? 0, secondOrder: spec.secondOrder ?? false });
    case 'random':
      return randomPoints(n, d, spec.seed ?? 0);
    case 'morris':
      return morrisTrajectories(n, d, spec.levels ?? MORRIS_DEFAULT_LEVELS, spec.seed ?? 0);
    case 'grid':
      return undefined;
  }
}

/**
 * The parameter sets of a design (read by `parseDesign`) for a model: one object per run, in the design's fixed
 * order — grid: lexicographic, the last parameter varying fastest; saltelli: blocks A_j, AB_j^(1…d), [BA_j^(1…d),]
 * B_j per base row j (`saltelliLayout`); morris: trajectory after trajectory, each parameter on its grid values of
 * `levels` (a range's include both ends; a distribution's are stratum midpoints; listed values are their own);
 * others: point order. Integer parameters are rounded to the nearest whole number.
 * Throws `ValidationError` naming the path when the scenario is for another model, a parameter id is unknown, or a
 * parameter could take values outside its [min, max] in the manifest (a distribution must be truncated into range).
 */
export function designPoints(design: Design, model: DesignModel): DesignRun[] {
  const issues: ValidationIssue[] = [];
  if (design.scenario.model !== model.id) {
    issues.push({
      path: 'scenario.model',
      message: `is ${JSON.stringify(design.scenario.model)} but the model given is ${JSON.stringify(model.id)}`,
    });
  }
  const specs = new Map(model.parameters.map((p) => [p.id, p]));
  const columns: ColumnMap[] = [];
  design.parameters.forEach((parameter, index) => {
    const spec = specs.get(parameter.id);
    if (!spec) {
      issues.push({
        path: `parameters[${index}].id`,
        message: `${JSON.stringify(parameter.id)} is not a parameter of ${model.id}; its parameters: ${[...specs.keys()].join(', ')}`,
      });
      return;
    }
    const column = columnMap(parameter, spec);
    const [low, high] = column.bounds;
    if (low < spec.min || high > spec.max) {
      const what = parameter.distribution
        ? `its distribution reaches [${low}, ${high}]${parameter.distribution.truncate ? '' : '; truncate it into range'}`
        : parameter.range
          ? `its range is [${low}, ${high}]`
          : `its values reach [${low}, ${high}]`;
      issues.push({
        path: `parameters[${index}]`,
        message: `${parameter.id} must stay in [${spec.min}, ${spec.max}] (the model's range) but ${what}`,
      });
    }
    columns.push(column);
  });
  if (issues.length > 0) throw new ValidationError('design', issues);
  const integer = design.parameters.map((p) => specs.get(p.id)!.integer === true);
  const toRun = (values: readonly number[]): DesignRun =>
    Object.fromEntries(
      values.map((value, d) => [design.parameters[d]!.id, integer[d] ? Math.round(value) : value] as const),
    );
  const unit = designUnitPoints(design);
  if (!unit) {
    const axes = design.parameters.map((p, d) => columns[d]!.gridValues(p.levels ?? design.design.levels));
    return fullFactorial(axes).map(toRun);
  }
  if (design.design.kind === 'morris') {
    const levels = design.design.levels ?? MORRIS_DEFAULT_LEVELS;
    const axes = columns.map((column) => column.gridValues(levels));
    return unit.map((point) => toRun(point.map((u, d) => axes[d]![Math.round(u * (levels - 1))]!)));
  }
  return unit.map((point) => toRun(point.map((u, d) => columns[d]!.quantile(u))));
}
