import {
  namesIn,
  type ExprNode,
  type InterventionEffect,
  type InterventionInstance,
  type InterventionSpec,
} from '@immunotwin/engine';
import { SbmlImportError } from './errors.js';
import type { SbmlEvent } from './model.js';
import { printExpression } from './printExpression.js';

/** What the event mapping needs to know about the model's symbols. */
export interface EventContext {
  /** Manifest parameters (constant during a run, except through interventions). */
  isParameter(id: string): boolean;
  /** A parameter's default value. */
  parameterDefault(id: string): number;
  /** For a state variable: the compartment size to turn its SBML value into an amount, or undefined if it is one. */
  stateVolume(id: string): string | undefined;
  /** Whether `id` is a state variable of the manifest (a species or a rate-rule parameter). */
  isState(id: string): boolean;
  /** Evaluates an expression of parameters at their defaults. */
  evaluate(node: ExprNode): number;
}

const name = (n: string): ExprNode => ({ type: 'name', name: n });
const num = (value: number): ExprNode => ({ type: 'number', value });
const times = (left: ExprNode, right: ExprNode): ExprNode => ({ type: 'binary', op: '*', left, right });

const SUPPORTED_EVENTS =
  'supported: a trigger "time >= t0" (or >, or t0 <= time) with t0 > 0 from numbers and parameters, and ' +
  'assignments that set a species to a value, add to or subtract from it, or multiply it, or set a parameter';

/** Whether every name in `node` is a manifest parameter (no species, no time). */
function isConstant(node: ExprNode, context: EventContext): boolean {
  return [...namesIn(node)].every((n) => context.isParameter(n));
}

function triggerTime(event: SbmlEvent, context: EventContext): number {
  const t = event.trigger;
  let threshold: ExprNode | undefined;
  if (t.type === 'binary') {
    if ((t.op === '>=' || t.op === '>') && t.left.type === 'name' && t.left.name === 'time') threshold = t.right;
    if ((t.op === '<=' || t.op === '<') && t.right.type === 'name' && t.right.name === 'time') threshold = t.left;
  }
  if (!threshold || !isConstant(threshold, context)) {
    throw new SbmlImportError(
      event.element,
      `its trigger "${printExpression(t)}" is not a fixed time; ${SUPPORTED_EVENTS}`,
    );
  }
  const t0 = context.evaluate(threshold);
  if (!(t0 > 0) || !Number.isFinite(t0)) {
    throw new SbmlImportError(event.element, `its trigger time is ${t0}; ${SUPPORTED_EVENTS}`);
  }
  return t0;
}

function speciesEffects(
  variable: string,
  math: ExprNode,
  volume: string | undefined,
  event: SbmlEvent,
  context: EventContext,
): InterventionEffect[] {
  const amount = (value: ExprNode): string =>
    printExpression(volume === undefined ? value : times(value, name(volume)));
  const isVariable = (n: ExprNode): boolean => n.type === 'name' && n.name === variable;
  const constant = (n: ExprNode): boolean => isConstant(n, context);
  if (constant(math)) {
    return [
      { type: 'removeFraction', species: variable, fraction: '1' },
      { type: 'add', species: variable, amount: amount(math) },
    ];
  }
  if (math.type === 'binary') {
    const { op, left, right } = math;
    if (op === '+' && isVariable(left) && constant(right))
      return [{ type: 'add', species: variable, amount: amount(right) }];
    if (op === '+' && isVariable(right) && constant(left))
      return [{ type: 'add', species: variable, amount: amount(left) }];
    if (op === '-' && isVariable(left) && constant(right))
      return [{ type: 'add', species: variable, amount: amount({ type: 'negate', operand: right }) }];
    const factor = op === '*' && isVariable(left) ? right : op === '*' && isVariable(right) ? left : undefined;
    if (factor && constant(factor)) {
      return [
        {
          type: 'removeFraction',
          species: variable,
          fraction: printExpression({ type: 'binary', op: '-', left: num(1), right: factor }),
        },
      ];
    }
  }
  throw new SbmlImportError(
    event.element,
    `its assignment to "${variable}" (${printExpression(math)}) does not map onto an intervention; ${SUPPORTED_EVENTS}`,
  );
}

function parameterEffect(
  variable: string,
  math: ExprNode,
  event: SbmlEvent,
  context: EventContext,
): InterventionEffect {
  if (!isConstant(math, context)) {
    throw new SbmlImportError(
      event.element,
      `its assignment to parameter "${variable}" depends on the state; ${SUPPORTED_EVENTS}`,
    );
  }
  if (context.parameterDefault(variable) === 0) {
    throw new SbmlImportError(
      event.element,
      `sets parameter "${variable}", whose value is 0; an intervention scales a parameter, so it must not be 0`,
    );
  }
  // The engine scales the base value by the factor: base · (value / base) = value.
  return {
    type: 'scale',
    parameter: variable,
    factor: printExpression({ type: 'binary', op: '/', left: math, right: name(variable) }),
  };
}

/**
 * Maps SBML events onto one-off interventions, and the scenario schedule that fires them when SBML would
 * (each at its trigger time). Events that do not map are refused naming the event.
 */
export function eventInterventions(
  events: readonly SbmlEvent[],
  context: EventContext,
  kinds: (wanted: string) => string,
  time: { readonly unit: string; readonly factor: number },
): { interventions: InterventionSpec[]; schedule: InterventionInstance[] } {
  const interventions: InterventionSpec[] = [];
  const schedule: InterventionInstance[] = [];
  events.forEach((event, i) => {
    const t0 = triggerTime(event, context) / time.factor;
    const effects = event.assignments.flatMap((a): InterventionEffect[] => {
      if (context.isState(a.variable))
        return speciesEffects(a.variable, a.math, context.stateVolume(a.variable), event, context);
      if (context.isParameter(a.variable)) return [parameterEffect(a.variable, a.math, event, context)];
      throw new SbmlImportError(
        event.element,
        `assigns "${a.variable}", which is neither a species nor a parameter that no rule sets; ${SUPPORTED_EVENTS}`,
      );
    });
    if (effects.length === 0) throw new SbmlImportError(event.element, 'has no event assignments');
    const kind = kinds(event.id ?? `event${i + 1}`);
    interventions.push({
      kind,
      label: event.name ?? event.id ?? `Event ${i + 1}`,
      description: `SBML event ${event.id ? `"${event.id}"` : `number ${i + 1}`}, which fires at time ${t0} ${time.unit}; a scenario fires it with {"kind": "${kind}", "start": ${t0}}.`,
      hasStop: false,
      fields: [],
      effects,
    });
    schedule.push({ kind, start: t0 });
  });
  return { interventions, schedule };
}
