import { describe, expect, it } from 'vitest';
import { logFactorial } from '../src/rng/logFactorial.js';
import { sampleBinomial, sampleExponential, sampleNormal, samplePoisson } from '../src/rng/samplers.js';
import { createRng, createRngFromState } from '../src/rng/seeding.js';

const source = createRng(1);

describe('invalid arguments throw a RangeError naming the argument, value and allowed range', () => {
  it.each([
    [() => createRng(1.5), 'seed must be an integer in [0, 4294967295]; got 1.5'],
    [() => createRng(-1), 'seed must be an integer in [0, 4294967295]; got -1'],
    [() => createRng(2 ** 32), 'seed must be an integer in [0, 4294967295]; got 4294967296'],
    [() => createRng(NaN), 'seed must be an integer in [0, 4294967295]; got NaN'],
    [() => createRng(1, 2, -3), 'path[1] must be an integer in [0, 4294967295]; got -3'],
    [() => createRng(1, 0.5), 'path[0] must be an integer in [0, 4294967295]; got 0.5'],
    [() => source.stream(-1), 'index must be an integer in [0, 4294967295]; got -1'],
    [() => source.stream(Infinity), 'index must be an integer in [0, 4294967295]; got Infinity'],
    [() => source.integer(0), 'n must be an integer in [1, 4294967296]; got 0'],
    [() => source.integer(2.5), 'n must be an integer in [1, 4294967296]; got 2.5'],
    [() => source.integer(2 ** 32 + 1), 'n must be an integer in [1, 4294967296]; got 4294967297'],
    [() => source.normal(NaN), 'mean must be a finite number; got NaN'],
    [() => source.normal(0, -1), 'sd must be a finite number ≥ 0; got -1'],
    [() => sampleNormal(source, 0, Infinity), 'sd must be a finite number ≥ 0; got Infinity'],
    [() => source.exponential(0), 'rate must be a finite number > 0; got 0'],
    [() => sampleExponential(source, -2), 'rate must be a finite number > 0; got -2'],
    [() => source.exponential(NaN), 'rate must be a finite number > 0; got NaN'],
    [() => source.poisson(-1), 'mean must be a finite number in [0, 4503599627370496]; got -1'],
    [() => source.poisson(NaN), 'mean must be a finite number in [0, 4503599627370496]; got NaN'],
    [() => samplePoisson(source, Infinity), 'mean must be a finite number in [0, 4503599627370496]; got Infinity'],
    [() => source.poisson(2 ** 53), 'mean must be a finite number in [0, 4503599627370496]; got 9007199254740992'],
    [() => source.binomial(2.5, 0.5), 'n must be an integer in [0, 9007199254740991]; got 2.5'],
    [() => source.binomial(-1, 0.5), 'n must be an integer in [0, 9007199254740991]; got -1'],
    [() => sampleBinomial(source, NaN, 0.5), 'n must be an integer in [0, 9007199254740991]; got NaN'],
    [() => source.binomial(10, 1.5), 'p must be a number in [0, 1]; got 1.5'],
    [() => source.binomial(10, -0.1), 'p must be a number in [0, 1]; got -0.1'],
    [() => source.binomial(10, NaN), 'p must be a number in [0, 1]; got NaN'],
    [() => logFactorial(-1), 'k must be an integer in [0, 9007199254740991]; got -1'],
  ])('%#: %s', (call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });

  it('rejects bad states', () => {
    const rng = createRng(1);
    expect(() => rng.setState(new Uint32Array(3))).toThrow(
      new RangeError('state must have length 4 (four 32-bit words); got length 3'),
    );
    expect(() => rng.setState(new Uint32Array(4))).toThrow(/state must not be all zero/);
    expect(() => createRngFromState([1, 2, 3, 2 ** 32])).toThrow(
      new RangeError('state[3] must be an integer in [0, 4294967295]; got 4294967296'),
    );
    expect(() => createRngFromState([0, 0, 0, 0])).toThrow(RangeError);
  });

  it('leaves the generator unchanged after a rejected setState', () => {
    const rng = createRng(1);
    const before = rng.getState();
    expect(() => rng.setState(new Uint32Array(4))).toThrow(RangeError);
    expect(Array.from(rng.getState())).toEqual(Array.from(before));
  });
});
