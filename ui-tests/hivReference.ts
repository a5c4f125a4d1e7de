/**
 * What the end-to-end tests of the outside plugin (examples/plugin-hiv-latent) run in a notebook, and the same
 * run in Node: the engine and the example's model as built (packages/engine/lib, the example's lib/), run in a
 * child Node process, so a browser kernel whose worker imported the plugin's module must print the same digits.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The plugin's kernel, launcher card and kernel display name. */
export const HIV_KERNEL = { name: 'immunotwin-hiv-latent', displayName: 'HIV Latent Reservoir Twin' };

/**
 * One line for a twin-kernel cell: ART from day 10 to the end of the default 120-day run (samples every half
 * day), then how many logs the viral load fell in the first 14 days of therapy (sample 20 is day 10, 48 day 24).
 */
export const HIV_CELL =
  "twin.intervene('art', { start: 10, stop: 120 }); const r = await twin.run(); const V = r.runs[0].observables.V; `logs down after 14 days of ART: ${(Math.log10(V[20]) - Math.log10(V[48])).toFixed(3)}`";

/** The same run in Node: the number the cell prints, as text with three decimals. */
export function hivLogDropInNode(): string {
  const root = path.resolve(__dirname, '..');
  const engine = pathToFileURL(path.join(root, 'packages/engine/lib/index.js')).href;
  const model = pathToFileURL(path.join(root, 'examples/plugin-hiv-latent/lib/model.js')).href;
  const program = `
    const { ModelRegistry, runScenarioSync } = await import(${JSON.stringify(engine)});
    const { plugin } = await import(${JSON.stringify(model)});
    const registry = new ModelRegistry();
    registry.register(plugin);
    const scenario = registry.resolve({ model: 'hiv-latent', interventions: [{ kind: 'art', start: 10, stop: 120 }] });
    const V = runScenarioSync(scenario).runs[0].observables.V;
    process.stdout.write((Math.log10(V[20]) - Math.log10(V[48])).toFixed(3));
  `;
  return execFileSync(process.execPath, ['--input-type=module', '-e', program], { encoding: 'utf8' }).trim();
}
