import type { ExprNode } from './ast.js';

/** Maps a name in an expression to the JavaScript that reads it (e.g. `p[3]`), or undefined if unknown. */
export type NameResolver = (name: string) => string | undefined;

const FUNCTION_CODE: Readonly<Record<string, (args: string[]) => string>> = {
  exp: ([a]) => `Math.exp(${a})`,
  log: ([a]) => `Math.log(${a})`,
  log10: ([a]) => `Math.log10(${a})`,
  sqrt: ([a]) => `Math.sqrt(${a})`,
  abs: ([a]) => `Math.abs(${a})`,
  pow: ([a, b]) => `Math.pow(${a}, ${b})`,
  min: ([a, b]) => `Math.min(${a}, ${b})`,
  max: ([a, b]) => `Math.max(${a}, ${b})`,
  hill: ([x, k, n]) => `(Math.pow(${x}, ${n}) / (Math.pow(${k}, ${n}) + Math.pow(${x}, ${n})))`,
};

/**
 * Translates a parsed expression into JavaScript source over resolved names. Only numbers, resolved
 * names, arithmetic and whitelisted Math calls can appear, so the generated code is safe to compile.
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
    case 'binary': {
      const l = expressionToJs(node.left, resolve);
      const r = expressionToJs(node.right, resolve);
      return node.op === '^' ? `Math.pow(${l}, ${r})` : `(${l} ${node.op} ${r})`;
    }
    case 'call':
      return FUNCTION_CODE[node.fn](node.args.map((a) => expressionToJs(a, resolve)));
  }
}

const FUNCTION_VALUES: Readonly<Record<string, (args: number[]) => number>> = {
  exp: ([a]) => Math.exp(a),
  log: ([a]) => Math.log(a),
  log10: ([a]) => Math.log10(a),
  sqrt: ([a]) => Math.sqrt(a),
  abs: ([a]) => Math.abs(a),
  pow: ([a, b]) => Math.pow(a, b),
  min: ([a, b]) => Math.min(a, b),
  max: ([a, b]) => Math.max(a, b),
  hill: ([x, k, n]) => Math.pow(x, n) / (Math.pow(k, n) + Math.pow(x, n)),
};

function applyOperator(op: '+' | '-' | '*' | '/' | '^', l: number, r: number): number {
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
      return Math.pow(l, r);
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
    case 'binary':
      return applyOperator(node.op, evaluateExpression(node.left, lookup), evaluateExpression(node.right, lookup));
    case 'call':
      return FUNCTION_VALUES[node.fn](node.args.map((a) => evaluateExpression(a, lookup)));
  }
}
