import { describeValue, type ValidationIssue } from '../validation/validationError.js';
import type { FitParameter } from './fitProblem.js';

/** Why a parameter's lower bound must be > 0, or undefined when it need not be: by default, a log scale. */
export type PositiveReason = (parameter: FitParameter, index: number) => string | undefined;

const logScaleNeedsPositive: PositiveReason = (p) =>
  p.scale === 'log' ? 'the log scale needs positive values' : undefined;

/**
 * The checks every list of parameters to estimate must pass, whoever builds it (a scenario fit, a fit problem of
 * one's own): at least one; no id twice; finite bounds with lower < upper; lower > 0 where `positive` gives a reason
 * (default: a log scale); an initial value within the bounds. One issue per problem, at `parameters[i].field`.
 */
export function parameterBoundIssues(
  parameters: readonly FitParameter[],
  positive: PositiveReason = logScaleNeedsPositive,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (parameters.length === 0) {
    issues.push({ path: 'parameters', message: 'must name at least one parameter to estimate' });
  }
  const seen = new Set<string>();
  parameters.forEach((parameter, i) => {
    const path = `parameters[${i}]`;
    const { id, lower, upper, initial } = parameter;
    if (seen.has(id)) issues.push({ path: `${path}.id`, message: `"${id}" is listed twice; allowed: once` });
    seen.add(id);
    for (const [field, value] of [
      ['lower', lower],
      ['upper', upper],
    ] as const) {
      if (!Number.isFinite(value)) {
        issues.push({ path: `${path}.${field}`, message: `must be a finite number; got ${describeValue(value)}` });
      }
    }
    if (!(lower < upper)) issues.push({ path: `${path}.upper`, message: `${upper} must be above lower (${lower})` });
    const reason = positive(parameter, i);
    if (reason !== undefined && !(lower > 0)) {
      issues.push({ path: `${path}.lower`, message: `${lower} is not allowed; allowed: > 0 (${reason})` });
    }
    if (initial !== undefined && !(initial >= lower && initial <= upper)) {
      issues.push({
        path: `${path}.initial`,
        message: `${describeValue(initial)} is outside the bounds; allowed: ${lower} to ${upper}`,
      });
    }
  });
  return issues;
}

/** The parameter index an issue's path names (`parameters[3].lower` → 3), or −1 for a path about the whole list. */
function parameterIndex(issue: ValidationIssue): number {
  const match = /^parameters\[(\d+)\]/.exec(issue.path);
  return match ? Number(match[1]) : -1;
}

/** Issues ordered by the parameter they name (those about the whole list first), the given order kept within one. */
export function byParameter(issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues
    .map((issue, k) => ({ issue, k, index: parameterIndex(issue) }))
    .sort((a, b) => a.index - b.index || a.k - b.k)
    .map((entry) => entry.issue);
}
