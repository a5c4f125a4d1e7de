/** Arithmetic operators. */
export type ArithmeticOperator = '+' | '-' | '*' | '/' | '^';
/** Comparisons: 1 when true, 0 when false. */
export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '==' | '!=';
/** Logical and/or over truth values (non-zero is true): 1 or 0. */
export type LogicalOperator = '&&' | '||';
/** Every binary operator. */
export type BinaryOperator = ArithmeticOperator | ComparisonOperator | LogicalOperator;

/** A parsed expression. */
export type ExprNode =
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'name'; readonly name: string }
  | { readonly type: 'negate'; readonly operand: ExprNode }
  | { readonly type: 'not'; readonly operand: ExprNode }
  | {
      readonly type: 'binary';
      readonly op: BinaryOperator;
      readonly left: ExprNode;
      readonly right: ExprNode;
    }
  | { readonly type: 'call'; readonly fn: string; readonly args: readonly ExprNode[] };

/** Functions an expression may call, with their arity. `if(c, a, b)` is a when c is non-zero, else b. */
export const EXPRESSION_FUNCTIONS: Readonly<Record<string, number>> = {
  exp: 1,
  log: 1,
  log10: 1,
  sqrt: 1,
  abs: 1,
  pow: 2,
  min: 2,
  max: 2,
  hill: 3,
  if: 3,
};

/** Every name an expression refers to (not counting function names). */
export function namesIn(node: ExprNode, into: Set<string> = new Set()): Set<string> {
  switch (node.type) {
    case 'name':
      into.add(node.name);
      break;
    case 'negate':
    case 'not':
      namesIn(node.operand, into);
      break;
    case 'binary':
      namesIn(node.left, into);
      namesIn(node.right, into);
      break;
    case 'call':
      for (const arg of node.args) namesIn(arg, into);
      break;
    case 'number':
      break;
  }
  return into;
}
