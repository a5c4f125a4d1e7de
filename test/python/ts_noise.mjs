// The engine's noise models on cases given by test_observation_scipy.py. Reads {"cases": [{kind, y, f, sigma, df,
// dispersion, cdf}]} on stdin and prints, per case, log p(y | f) — or log P(Y ≤ y | f) when `cdf` — as JSON
// (null for −∞, which JSON cannot carry).
import { noiseLogCdf, noiseLogLikelihood } from '../../packages/engine/lib/index.js';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { cases } = JSON.parse(input);
const answer = cases.map(({ kind, y, f, sigma, df, dispersion, cdf }) => {
  const values = { sigma: sigma ?? NaN, df: df ?? NaN, dispersion: dispersion ?? NaN };
  const value = cdf ? noiseLogCdf(kind, y, f, values) : noiseLogLikelihood(kind, y, f, values);
  return Number.isFinite(value) ? value : null;
});
process.stdout.write(JSON.stringify(answer));
