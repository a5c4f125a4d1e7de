// Peak viral load of the target-cell-limited twin for each parameter row, for test_sensitivity_salib.py.
// Reads {"names": [...], "rows": [[...], ...]} on stdin; prints a JSON array of peaks (copies/mL), one per row.
import { outcome, resolveScenario, runScenarioSync } from '../../packages/engine/lib/index.js';
import { builtInRegistry } from '../../packages/models/lib/index.js';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { names, rows } = JSON.parse(input);
const plugin = builtInRegistry().get('target-cell-limited');
const peaks = rows.map((row) => {
  const parameters = Object.fromEntries(names.map((name, i) => [name, row[i]]));
  const scenario = resolveScenario(plugin, {
    model: 'target-cell-limited',
    parameters,
    duration: 10,
    outputInterval: 0.1,
  });
  return outcome('peak', runScenarioSync(scenario).runs[0], 'V');
});
process.stdout.write(JSON.stringify(peaks));
