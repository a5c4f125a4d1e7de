// The engine's estimators on arrays given by test_sensitivity_salib.py. Reads {"sobol": {fA, fB, fAB}} or
// {"prcc": {inputs, output}} on stdin; prints the estimates as JSON (point estimates only; no bootstrap).
import { prcc, sobolIndices } from '../../packages/engine/lib/index.js';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const request = JSON.parse(input);
if (request.sobol) {
  const s = sobolIndices(request.sobol, { resamples: 0 });
  process.stdout.write(JSON.stringify({ S1: Array.from(s.firstOrder), ST: Array.from(s.total) }));
} else {
  const result = prcc(request.prcc.inputs, request.prcc.output);
  process.stdout.write(JSON.stringify(result));
}
