import type { BinaryOperator, ExprNode } from '@immunotwin/engine';

/** Binding strength of each operator, loosest first, as the engine's parser reads them. */
const LEVEL: Readonly<Record<BinaryOperator, number>> = {
  '||': 1,
  '&&': 2,
  '<': 3,
  '<=': 3,
  '>': 3,
  '>=': 3,
  '==': 3,
  '!=': 3,
  '+': 4,
  '-': 4,
  '*': 5,
  '/': 5,
  '^': 7,
};
const UNARY = 6;
const PRIMARY = 8;

function levelOf(node: ExprNode): number {
  switch (node.type) {
    case 'binary':
      return LEVEL[node.op];
    case 'negate':
    case 'not':
      return UNARY;
    case 'number':
      return node.value < 0 || Object.is(node.value, -0) ? UNARY : PRIMARY;
    default:
      return PRIMARY;
  }
}

function wrap(node: ExprNode, atLeast: number): string {
  const text = printExpression(node);
  return levelOf(node) >= atLeast ? text : `(${text})`;
}

/** A number as the engine's parser reads it back exactly (shortest round-trip form). */
function printNumber(value: number): string {
  if (Number.isNaN(value)) return '(0 / 0)';
  if (!Number.isFinite(value)) return value > 0 ? '(1 / 0)' : '(-1 / 0)';
  return String(value);
}

/**
 * Writes an expression tree as engine expression text with only the parentheses it needs, so
 * `parseExpression(printExpression(node))` gives back the same tree (numbers exactly).
 */
export function printExpression(node: ExprNode): string {
  switch (node.type) {
    case 'number':
      return printNumber(node.value);
    case 'name':
      return node.name;
    case 'negate':
      return `-${wrap(node.operand, UNARY)}`;
    case 'not':
      return `!${wrap(node.operand, UNARY)}`;
    case 'call':
      return `${node.fn}(${node.args.map(printExpression).join(', ')})`;
    case 'binary': {
      const level = LEVEL[node.op];
      if (node.op === '^') return `${wrap(node.left, PRIMARY)} ^ ${wrap(node.right, UNARY)}`;
      // Left-associative: the right operand needs parentheses at the same level; comparisons do not chain.
      const leftLevel = level === 3 ? level + 1 : level;
      return `${wrap(node.left, leftLevel)} ${node.op} ${wrap(node.right, level + 1)}`;
    }
  }
}
