import type { ExprNode } from '@immunotwin/engine';

/** Replaces names for which `replace` returns a tree (the rest stay); returns a new tree. */
export function substitute(node: ExprNode, replace: (name: string) => ExprNode | undefined): ExprNode {
  switch (node.type) {
    case 'name':
      return replace(node.name) ?? node;
    case 'negate':
    case 'not':
      return { type: node.type, operand: substitute(node.operand, replace) };
    case 'binary':
      return { ...node, left: substitute(node.left, replace), right: substitute(node.right, replace) };
    case 'call':
      return { ...node, args: node.args.map((a) => substitute(a, replace)) };
    case 'number':
      return node;
  }
}

/** Applies `visit` to every call node bottom-up (arguments first) and returns the new tree. */
export function mapCalls(node: ExprNode, visit: (call: ExprNode & { type: 'call' }) => ExprNode): ExprNode {
  switch (node.type) {
    case 'negate':
    case 'not':
      return { type: node.type, operand: mapCalls(node.operand, visit) };
    case 'binary':
      return { ...node, left: mapCalls(node.left, visit), right: mapCalls(node.right, visit) };
    case 'call':
      return visit({ ...node, args: node.args.map((a) => mapCalls(a, visit)) });
    default:
      return node;
  }
}
