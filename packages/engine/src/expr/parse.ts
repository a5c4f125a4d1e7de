import { EXPRESSION_FUNCTIONS, type ComparisonOperator, type ExprNode } from './ast.js';

/** A syntax error in an expression, with the offending position. */
export class ExpressionSyntaxError extends Error {
  constructor(
    readonly source: string,
    readonly position: number,
    problem: string,
  ) {
    super(`${problem} at position ${position + 1} in "${source}"`);
    this.name = 'ExpressionSyntaxError';
  }
}

type Token =
  | { kind: 'number'; value: number; at: number }
  | { kind: 'name'; name: string; at: number }
  | { kind: 'op'; op: string; at: number }
  | { kind: 'end'; at: number };

const TWO_CHARACTER_OPERATORS: readonly string[] = ['<=', '>=', '==', '!=', '&&', '||'];
const COMPARISONS: readonly string[] = ['<', '<=', '>', '>=', '==', '!='];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const numberRe = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;
  const nameRe = /^[A-Za-z_][A-Za-z0-9_]*/;
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      i++;
      continue;
    }
    const rest = source.slice(i);
    const num = numberRe.exec(rest);
    if (num) {
      tokens.push({ kind: 'number', value: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    const name = nameRe.exec(rest);
    if (name) {
      tokens.push({ kind: 'name', name: name[0], at: i });
      i += name[0].length;
      continue;
    }
    const twoChar = source.slice(i, i + 2);
    if (TWO_CHARACTER_OPERATORS.includes(twoChar)) {
      tokens.push({ kind: 'op', op: twoChar, at: i });
      i += 2;
      continue;
    }
    if ('+-*/^(),<>!'.includes(ch)) {
      tokens.push({ kind: 'op', op: ch, at: i });
      i++;
      continue;
    }
    throw new ExpressionSyntaxError(source, i, `unexpected character "${ch}"`);
  }
  tokens.push({ kind: 'end', at: source.length });
  return tokens;
}

/**
 * Parses an expression: numbers, names, + - * / ^ (right-associative), unary minus, parentheses, calls of
 * the functions in EXPRESSION_FUNCTIONS, and (loosest first) `||`, `&&`, one comparison `< <= > >= == !=`
 * and unary `!`. Comparisons and logic yield 1 (true) or 0 (false); any non-zero value counts as true.
 */
export function parseExpression(source: string): ExprNode {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = (): Token => tokens[pos];
  const isOp = (op: string): boolean => {
    const t = peek();
    return t.kind === 'op' && t.op === op;
  };
  const expectOp = (op: string): void => {
    if (!isOp(op)) throw new ExpressionSyntaxError(source, peek().at, `expected "${op}"`);
    pos++;
  };

  const disjunction = (): ExprNode => {
    let left = conjunction();
    while (isOp('||')) {
      pos++;
      left = { type: 'binary', op: '||', left, right: conjunction() };
    }
    return left;
  };
  const conjunction = (): ExprNode => {
    let left = comparison();
    while (isOp('&&')) {
      pos++;
      left = { type: 'binary', op: '&&', left, right: comparison() };
    }
    return left;
  };
  const comparison = (): ExprNode => {
    const left = additive();
    const t = peek();
    if (t.kind !== 'op' || !COMPARISONS.includes(t.op)) return left;
    pos++;
    const node: ExprNode = { type: 'binary', op: t.op as ComparisonOperator, left, right: additive() };
    const next = peek();
    if (next.kind === 'op' && COMPARISONS.includes(next.op))
      throw new ExpressionSyntaxError(source, next.at, 'comparisons do not chain; join them with &&');
    return node;
  };
  const additive = (): ExprNode => {
    let left = multiplicative();
    while (isOp('+') || isOp('-')) {
      const op = (tokens[pos++] as { op: '+' | '-' }).op;
      left = { type: 'binary', op, left, right: multiplicative() };
    }
    return left;
  };
  const multiplicative = (): ExprNode => {
    let left = unary();
    while (isOp('*') || isOp('/')) {
      const op = (tokens[pos++] as { op: '*' | '/' }).op;
      left = { type: 'binary', op, left, right: unary() };
    }
    return left;
  };
  const unary = (): ExprNode => {
    if (isOp('!')) {
      pos++;
      return { type: 'not', operand: unary() };
    }
    if (isOp('-')) {
      pos++;
      return { type: 'negate', operand: unary() };
    }
    if (isOp('+')) {
      pos++;
      return unary();
    }
    return power();
  };
  const power = (): ExprNode => {
    const base = primary();
    if (isOp('^')) {
      pos++;
      return { type: 'binary', op: '^', left: base, right: unary() };
    }
    return base;
  };
  const primary = (): ExprNode => {
    const t = peek();
    if (t.kind === 'number') {
      pos++;
      return { type: 'number', value: t.value };
    }
    if (t.kind === 'name') {
      pos++;
      if (!isOp('(')) return { type: 'name', name: t.name };
      const arity = EXPRESSION_FUNCTIONS[t.name];
      if (arity === undefined) {
        throw new ExpressionSyntaxError(
          source,
          t.at,
          `unknown function "${t.name}" (allowed: ${Object.keys(EXPRESSION_FUNCTIONS).join(', ')})`,
        );
      }
      pos++;
      const args: ExprNode[] = [];
      if (!isOp(')')) {
        args.push(disjunction());
        while (isOp(',')) {
          pos++;
          args.push(disjunction());
        }
      }
      expectOp(')');
      if (args.length !== arity) {
        throw new ExpressionSyntaxError(source, t.at, `${t.name}() takes ${arity} argument(s), got ${args.length}`);
      }
      return { type: 'call', fn: t.name, args };
    }
    if (isOp('(')) {
      pos++;
      const inner = disjunction();
      expectOp(')');
      return inner;
    }
    throw new ExpressionSyntaxError(source, t.at, t.kind === 'end' ? 'unexpected end' : 'unexpected token');
  };

  const node = disjunction();
  if (peek().kind !== 'end') throw new ExpressionSyntaxError(source, peek().at, 'unexpected token');
  return node;
}
