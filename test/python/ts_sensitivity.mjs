// The engine's estimators on arrays given by test_sensitivity_salib.py (point estimates only; no bootstrap). Reads
// one request on stdin and prints its estimates as JSON:
//   {"sobol": {fA, fB, fAB}}                          → {S1, ST}
//   {"saltelli": {outputs, n, dimensions, secondOrder}} → {S1, ST, S2}: outputs in the design's row order, split by
//                                                         the engine's saltelliLayout (S2 null without second order)
//   {"morris": {points, outputs}}                     → {mu, mu_star, sigma}: rows of a Morris design, in order
//   {"prcc": {inputs, output}}                        → the PRCC entries
import {
  morrisEffects,
  prcc,
  saltelliLayout,
  sobolIndices,
  splitMorrisRows,
  splitSaltelliRows,
} from '../../packages/engine/lib/index.js';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const request = JSON.parse(input);
/** NaN as null (JSON has no NaN); Python reads null back as NaN in a float array. */
const plain = (values) => Array.from(values, (v) => (Number.isNaN(v) ? null : v));
let answer;
if (request.sobol) {
  const s = sobolIndices(request.sobol, { resamples: 0 });
  answer = { S1: plain(s.firstOrder), ST: plain(s.total) };
} else if (request.saltelli) {
  const { outputs, n, dimensions, secondOrder } = request.saltelli;
  const s = sobolIndices(splitSaltelliRows(outputs, saltelliLayout(n, dimensions, { secondOrder })), { resamples: 0 });
  answer = { S1: plain(s.firstOrder), ST: plain(s.total), S2: s.secondOrder ? plain(s.secondOrder) : null };
} else if (request.morris) {
  const m = morrisEffects(splitMorrisRows(request.morris.points, request.morris.outputs));
  answer = { mu: plain(m.mu), mu_star: plain(m.muStar), sigma: plain(m.sigma) };
} else {
  answer = prcc(request.prcc.inputs, request.prcc.output);
}
process.stdout.write(JSON.stringify(answer));
