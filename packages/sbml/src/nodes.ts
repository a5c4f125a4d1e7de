import type { ExprNode } from '@immunotwin/engine';

/** The engine's name for the simulated time. */
export const TIME = 'time';
/** A name node. */
export const name = (n: string): ExprNode => ({ type: 'name', name: n });
/** A number node. */
export const num = (value: number): ExprNode => ({ type: 'number', value });
/** A product or quotient node. */
export const bin = (op: '*' | '/', left: ExprNode, right: ExprNode): ExprNode => ({ type: 'binary', op, left, right });
