// A design file's rows as the engine gives them, for test_sensitivity_salib.py. Reads {"design": {...}} on stdin;
// prints {"unit": designUnitPoints (rows in the unit cube), "runs": designPoints (parameter values by id, per row)},
// the model's parameters taken from the built-in registry.
import { designPoints, designUnitPoints, parseDesign } from '../../packages/engine/lib/index.js';
import { builtInRegistry } from '../../packages/models/lib/index.js';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const design = parseDesign(JSON.parse(input).design);
const { manifest } = builtInRegistry().get(design.scenario.model);
process.stdout.write(JSON.stringify({ unit: designUnitPoints(design), runs: designPoints(design, manifest) }));
