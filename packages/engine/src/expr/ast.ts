/** A parsed arithmetic expression. */
export type ExprNode =
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'name'; readonly name: string }
  | { readonly type: 'negate'; readonly operand: ExprNode }
  | {
      readonly type: 'binary';
      readonly op: '+' | '-' | '*' | '/' | '^';
      readonly left: ExprNode;
      readonly right: ExprNode;
    }
  | { readonly type: 'call'; readonly fn: string; readonly args: readonly ExprNode[] };

/** Functions an expression may call, with their arity. */
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
};

/** Every name an expression refers to (not counting function names). */
export function namesIn(node: ExprNode, into: Set<string> = new Set()): Set<string> {
  switch (node.type) {
    case 'name':
      into.add(node.name);
      break;
    case 'negate':
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
