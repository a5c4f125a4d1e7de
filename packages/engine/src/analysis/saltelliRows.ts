import type { SaltelliLayout } from '../design/saltelli.js';
import { rejectArgument } from '../rng/argumentChecks.js';
import type { SaltelliOutputs } from './sobol.js';

/**
 * The outputs of a Saltelli design's runs (one per row, in the design's order) read off by its layout: f(A), f(B),
 * f(AB_i) and, for a second-order layout, f(BA_i) — the input of `sobolIndices`.
 */
export function splitSaltelliRows(outputs: ArrayLike<number>, layout: SaltelliLayout): SaltelliOutputs {
  if (outputs.length !== layout.rows) {
    rejectArgument('outputs.length', outputs.length, `${layout.rows} (one output per row of the design)`);
  }
  const { n, dimensions } = layout;
  const column = (row: (j: number) => number) => Float64Array.from({ length: n }, (_, j) => outputs[row(j)]);
  const inputs = Array.from({ length: dimensions }, (_, i) => i);
  return {
    fA: column(layout.a),
    fB: column(layout.b),
    fAB: inputs.map((i) => column((j) => layout.ab(j, i))),
    ...(layout.secondOrder ? { fBA: inputs.map((i) => column((j) => layout.ba(j, i))) } : {}),
  };
}
