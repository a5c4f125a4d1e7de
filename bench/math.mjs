/**
 * Portable elementary functions against Math's: calls per second of the engine's `portableMath.exp`, `log`, `expm1`,
 * `log1p`, `log10` and `pow` beside `Math`'s on the same inputs, side by side in one process. `Math`'s are the
 * baseline they replace on every result path (they differ in the last bit between JavaScript engines; these do not).
 */
import { createRng, portableMath } from '@immunotwin/engine';
import { compare, report } from './harness.mjs';

const COUNT = 4096;
/** Inputs spread over [lo, hi) by the engine's seeded RNG, the same every run. */
function inputs(lo, hi) {
  const rng = createRng(2026);
  return Float64Array.from({ length: COUNT }, () => lo + (hi - lo) * rng.uniform());
}

const CASES = [
  { name: 'exp', x: inputs(-50, 50), portable: portableMath.exp, native: Math.exp },
  { name: 'log', x: inputs(1e-6, 1e6), portable: portableMath.log, native: Math.log },
  { name: 'expm1', x: inputs(-2, 2), portable: portableMath.expm1, native: Math.expm1 },
  { name: 'log1p', x: inputs(-0.9, 10), portable: portableMath.log1p, native: Math.log1p },
  { name: 'log10', x: inputs(1e-6, 1e9), portable: portableMath.log10, native: Math.log10 },
  { name: 'pow (x^−0.2)', x: inputs(1e-3, 10), portable: (x) => portableMath.pow(x, -0.2), native: (x) => x ** -0.2 },
];

let sink = 0;
/** A candidate that applies `f` to every input once: COUNT calls of work. */
const over = (f, x) => () => {
  let s = 0;
  for (let i = 0; i < COUNT; i++) s += f(x[i]);
  sink += s;
  return COUNT;
};

for (const c of CASES) {
  const rates = compare({ portable: over(c.portable, c.x), native: over(c.native, c.x) });
  report({
    name: `portableMath.${c.name}`,
    unit: 'calls/s',
    engine: rates.portable.rate,
    baseline: rates.native.rate,
    baselineLabel: `Math.${c.name.split(' ')[0]} (V8, not the same bits everywhere)`,
    notes: [],
  });
}
if (Number.isNaN(sink)) console.log('');
