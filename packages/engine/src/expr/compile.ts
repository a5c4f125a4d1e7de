import * as portableMath from '../math/portableMath.js';
import type { BinaryOperator, ExprNode } from './ast.js';

/** Maps a name in an expression to the JavaScript that reads it (e.g. `p[3]`), or undefined if unknown. */
export type NameResolver = (name: string) => string | undefined;

const FUNCTION_CODE: Readonly<Record<string, (args: string[]) => string>> = {
  exp: ([a]) => `$math.exp(${a})`,
  log: ([a]) => `$math.log(${a})`,
  log10: ([a]) => `$math.log10(${a})`,
  sqrt: ([a]) => `Math.sqrt(${a})`,
  abs: ([a]) => `Math.abs(${a})`,
  pow: ([a, b]) => `$math.pow(${a}, ${b})`,
  min: ([a, b]) => `Math.min(${a}, ${b})`,
  max: ([a, b]) => `Math.max(${a}, ${b})`,
  hill: ([x, k, n]) => `($math.pow(${x}, ${n}) / ($math.pow(${k}, ${n}) + $math.pow(${x}, ${n})))`,
  if: ([c, a, b]) => `(${c} !== 0 ? ${a} : ${b})`,
};

/** JavaScript for a binary operation; comparisons and logic yield 1 or 0 so every value stays a number. */
function binaryJs(op: BinaryOperator, l: string, r: string): string {
  switch (op) {
    case '^':
      return `$math.pow(${l}, ${r})`;
    case '==':
      return `(${l} === ${r} ? 1 : 0)`;
    case '!=':
      return `(${l} !== ${r} ? 1 : 0)`;
    case '<':
    case '<=':
    case '>':
    case '>=':
      return `(${l} ${op} ${r} ? 1 : 0)`;
    case '&&':
    case '||':
      return `(${l} !== 0 ${op} ${r} !== 0 ? 1 : 0)`;
    default:
      return `(${l} ${op} ${r})`;
  }
}

/**
 * Translates a parsed expression into JavaScript source over resolved names. Only numbers, resolved
 * names, arithmetic and whitelisted functions can appear, so the generated code is safe to compile. Its
 * elementary functions are the engine's portable ones, `$math.exp` etc. (the same bits in every JavaScript
 * engine): compile the code with `compileExpressionCode`, which supplies `$math`.
 * Throws an Error naming the first unknown name.
 */
export function expressionToJs(node: ExprNode, resolve: NameResolver): string {
  switch (node.type) {
    case 'number':
      return Number.isFinite(node.value) ? String(node.value) : 'NaN';
    case 'name': {
      const code = resolve(node.name);
      if (code === undefined) throw new Error(`unknown name "${node.name}"`);
      return code;
    }
    case 'negate':
      return `(-${expressionToJs(node.operand, resolve)})`;
    case 'not':
      return `(${expressionToJs(node.operand, resolve)} === 0 ? 1 : 0)`;
    case 'binary':
      return binaryJs(node.op, expressionToJs(node.left, resolve), expressionToJs(node.right, resolve));
    case 'call':
      return FUNCTION_CODE[node.fn](node.args.map((a) => expressionToJs(a, resolve)));
  }
}

const FUNCTION_VALUES: Readonly<Record<string, (args: number[]) => number>> = {
  exp: ([a]) => portableMath.exp(a),
  log: ([a]) => portableMath.log(a),
  log10: ([a]) => portableMath.log10(a),
  sqrt: ([a]) => Math.sqrt(a),
  abs: ([a]) => Math.abs(a),
  pow: ([a, b]) => portableMath.pow(a, b),
  min: ([a, b]) => Math.min(a, b),
  max: ([a, b]) => Math.max(a, b),
  hill: ([x, k, n]) => portableMath.pow(x, n) / (portableMath.pow(k, n) + portableMath.pow(x, n)),
  if: ([c, a, b]) => (c !== 0 ? a : b),
};

const truth = (value: boolean): number => (value ? 1 : 0);

function applyOperator(op: BinaryOperator, l: number, r: number): number {
  switch (op) {
    case '+':
      return l + r;
    case '-':
      return l - r;
    case '*':
      return l * r;
    case '/':
      return l / r;
    case '^':
      return portableMath.pow(l, r);
    case '<':
      return truth(l < r);
    case '<=':
      return truth(l <= r);
    case '>':
      return truth(l > r);
    case '>=':
      return truth(l >= r);
    case '==':
      return truth(l === r);
    case '!=':
      return truth(l !== r);
    case '&&':
      return truth(l !== 0 && r !== 0);
    case '||':
      return truth(l !== 0 || r !== 0);
  }
}

/** Evaluates a parsed expression against a lookup of values (for one-off evaluations, not hot loops). */
export function evaluateExpression(node: ExprNode, lookup: (name: string) => number | undefined): number {
  switch (node.type) {
    case 'number':
      return node.value;
    case 'name': {
      const value = lookup(node.name);
      if (value === undefined) throw new Error(`unknown name "${node.name}"`);
      return value;
    }
    case 'negate':
      return -evaluateExpression(node.operand, lookup);
    case 'not':
      return truth(evaluateExpression(node.operand, lookup) === 0);
    case 'binary':
      return applyOperator(node.op, evaluateExpression(node.left, lookup), evaluateExpression(node.right, lookup));
    case 'call':
      return FUNCTION_VALUES[node.fn](node.args.map((a) => evaluateExpression(a, lookup)));
  }
}

/**
 * Compiles a parsed expression into a JavaScript function of `args` (which `resolve` maps names onto, e.g. `o[2]`),
 * returning its value. Safe for the same reason as `expressionToJs`; throws an Error naming an unknown name.
 */
export function expressionFunction<F extends (...args: never[]) => number>(
  node: ExprNode,
  args: readonly string[],
  resolve: NameResolver,
): F {
  return compileExpressionCode<F>(args, `return ${expressionToJs(node, resolve)};`);
}

/**
 * Compiles a function body over `args` that was generated by `expressionToJs`, with `$math` bound to the engine's
 * portable elementary functions. The body holds only what `expressionToJs` and its callers generate.
 */
export function compileExpressionCode<F>(args: readonly string[], body: string): F {
  const factory = new Function('$math', `"use strict";\nreturn function (${args.join(', ')}) {\n${body}\n};`);
  return factory(portableMath) as F;
}
