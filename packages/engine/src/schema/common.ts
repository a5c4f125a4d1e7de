import { Type } from '@sinclair/typebox';

/** Identifier used for parameters, species, observables, interventions and models. */
export const Identifier = Type.String({
  pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
  description: 'letters, digits and underscores, not starting with a digit',
});

/** Model identifier: lower-case words joined by hyphens, e.g. "target-cell-limited". */
export const ModelId = Type.String({
  pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$',
  description: 'lower-case letters and digits in hyphen-separated words, e.g. "target-cell-limited"',
});

/** A non-empty human-readable text. */
export const Text = Type.String({ minLength: 1 });

/** A finite number (JSON cannot carry NaN or Infinity, and neither may a scenario). */
export const FiniteNumber = Type.Number();

/** An arithmetic expression over parameters, species and intervention fields, e.g. "beta * U0". */
export const Expression = Type.String({
  minLength: 1,
  description:
    'arithmetic expression: numbers, identifiers, + - * / ^, parentheses and exp, log, log10, sqrt, pow, min, max, abs, hill',
});

/** Simulation methods the runner knows. */
export const SimulationMethod = Type.Union(
  [Type.Literal('ode'), Type.Literal('ssa'), Type.Literal('tau-leaping'), Type.Literal('agent')],
  { description: 'ode (deterministic), ssa (exact stochastic), tau-leaping (approximate stochastic), agent (stepped model)' },
);
