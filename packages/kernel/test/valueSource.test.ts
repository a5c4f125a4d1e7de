import { describe, expect, it } from 'vitest';
import { valueSource } from '../src/valueSource.js';

/** Evaluates source as an expression, as the module a workbench imports would. */
const revive = (source: string): unknown => new Function(`return (${source});`)();

describe('valueSource: a model definition written out as source', () => {
  it('re-creates data, shorthand methods, arrows and function expressions that behave the same', () => {
    const definition = {
      id: 'm',
      rates: [0.5, 2e-7, -Infinity],
      nested: { on: true, none: null, skipped: undefined },
      step(x: number) {
        return x / 2;
      },
      arrow: (x: number) => x + 1,
      classic: function (x: number) {
        return x * 3;
      },
      async later(x: number) {
        return x - 1;
      },
    };
    const copy = revive(valueSource(definition)) as typeof definition;
    expect(copy.id).toBe('m');
    expect(copy.rates).toEqual([0.5, 2e-7, -Infinity]);
    expect(copy.nested).toEqual({ on: true, none: null, skipped: undefined });
    expect(copy.step(8)).toBe(4);
    expect(copy.arrow(1)).toBe(2);
    expect(copy.classic(2)).toBe(6);
    return expect(copy.later(3)).resolves.toBe(2);
  });

  it('refuses what cannot travel, naming where it is', () => {
    expect(() => valueSource({ a: { b: new Map() } })).toThrow(
      'the model.a.b cannot travel as source: only data, arrays, plain objects and functions can',
    );
    expect(() => valueSource({ f: Math.max })).toThrow('the model.f is a built-in function, which has no source');
  });

  it('refuses a function that reads notebook variables (the kernel keeps them on its scope object)', () => {
    // What the kernel's rewriter makes of `() => rate * k` when `rate` and `k` were declared in earlier cells.
    const rewritten = new Function('__scope', 'return () => __scope.rate * __scope.k;')({ rate: 1, k: 2 });
    expect(() => valueSource({ createStepped: rewritten })).toThrow(
      'the model.createStepped uses rate, k from the notebook; define them inside the model',
    );
  });
});
