import { describe, expect, it } from 'vitest';
import {
  evaluateExpression,
  expressionToJs,
  ExpressionSyntaxError,
  namesIn,
  parseExpression,
} from '../src/expr/index.js';

const evaluate = (source: string, values: Record<string, number> = {}): number =>
  evaluateExpression(parseExpression(source), (name) => values[name]);

describe('expressions', () => {
  it('follows arithmetic precedence and associativity', () => {
    expect(evaluate('1 + 2 * 3')).toBe(7);
    expect(evaluate('(1 + 2) * 3')).toBe(9);
    expect(evaluate('2 ^ 3 ^ 2')).toBe(512); // right-associative: 2^(3^2)
    expect(evaluate('-2 ^ 2')).toBe(-4); // unary minus binds looser than ^, as in mathematics
    expect(evaluate('10 / 4 / 5')).toBe(0.5); // left-associative
    expect(evaluate('1e-3 * 2.5E2')).toBe(0.25);
  });

  it('reads names and calls the allowed functions', () => {
    expect(evaluate('beta * U0', { beta: 2, U0: 3 })).toBe(6);
    expect(evaluate('hill(x, K, n)', { x: 2, K: 2, n: 3 })).toBe(0.5);
    expect(evaluate('max(a, b) - min(a, b)', { a: 5, b: 9 })).toBe(4);
    expect(evaluate('log10(1000) + exp(0) + sqrt(16) + abs(-1) + pow(2, 5) + log(1)')).toBe(3 + 1 + 4 + 1 + 32 + 0);
    expect([...namesIn(parseExpression('beta * U * V / (1 + s * F)'))].sort()).toEqual(['F', 'U', 'V', 'beta', 's']);
  });

  it('reports syntax errors with the position and what is allowed', () => {
    expect(() => parseExpression('beta * ')).toThrow(/unexpected end at position 8/);
    expect(() => parseExpression('2 $ 3')).toThrow(ExpressionSyntaxError);
    expect(() => parseExpression('sin(x)')).toThrow(/unknown function "sin" \(allowed: exp, log/);
    expect(() => parseExpression('pow(2)')).toThrow(/pow\(\) takes 2 argument\(s\), got 1/);
    expect(() => parseExpression('(1 + 2')).toThrow(/expected "\)"/);
    expect(() => evaluate('a + b', { a: 1 })).toThrow(/unknown name "b"/);
  });
});

describe('conditions in expressions', () => {
  it('compares, combines and chooses, with 1 for true and 0 for false', () => {
    expect(evaluate('a < b', { a: 1, b: 2 })).toBe(1);
    expect(evaluate('a >= b', { a: 1, b: 2 })).toBe(0);
    expect(evaluate('a <= 1 && b == 2', { a: 1, b: 2 })).toBe(1);
    expect(evaluate('a != 1 || b > 3', { a: 1, b: 2 })).toBe(0);
    expect(evaluate('!(a > 0)', { a: 1 })).toBe(0);
    expect(evaluate('!0 + !3')).toBe(1);
    // Precedence: arithmetic binds tighter than comparison, comparison tighter than &&, && tighter than ||.
    expect(evaluate('1 + 1 > 1 * 1')).toBe(1);
    expect(evaluate('0 && 0 || 1')).toBe(1);
    expect(evaluate('1 || 0 && 0')).toBe(1);
    expect(evaluate('if(t < 5, 2, 0.5)', { t: 4 })).toBe(2);
    expect(evaluate('if(t < 5, 2, 0.5)', { t: 5 })).toBe(0.5);
    expect(evaluate('if(x, 10, 20)', { x: -0.1 })).toBe(10); // any non-zero value is true
  });

  it('compiles conditions to the same values as it evaluates them', () => {
    const source = 'if(a > 1 && !(b == 0) || a < -5, a * b, -1) + (a != b)';
    const node = parseExpression(source);
    const compiled = new Function('a', 'b', `return ${expressionToJs(node, (n) => n)};`) as (
      a: number,
      b: number,
    ) => number;
    for (const [a, b] of [
      [2, 3],
      [2, 0],
      [0, 3],
      [-6, 0],
      [3, 3],
    ]) {
      expect(compiled(a, b)).toBe(evaluate(source, { a, b }));
    }
    expect(compiled(2, 3)).toBe(7);
    expect(compiled(2, 0)).toBe(0);
    expect(compiled(-6, 0)).toBe(1);
  });

  it('refuses chained comparisons and lists if among the functions', () => {
    expect(() => parseExpression('a < b < c')).toThrow(/comparisons do not chain; join them with &&/);
    expect(() => parseExpression('if(1, 2)')).toThrow(/if\(\) takes 3 argument\(s\), got 2/);
    expect([...namesIn(parseExpression('if(!x, y >= 1, z)'))].sort()).toEqual(['x', 'y', 'z']);
  });
});
