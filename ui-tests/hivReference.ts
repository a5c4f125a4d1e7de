/**
 * What the end-to-end tests of the outside plugin (examples/plugin-hiv-latent) run in a notebook, and the same
 * run on the command line (`immunotwin run --plugin` with the example's built module), so a browser kernel whose
 * worker imported the plugin's module must print the same digits as the CLI.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** The plugin's kernel, launcher card and kernel display name. */
export const HIV_KERNEL = { name: 'immunotwin-hiv-latent', displayName: 'HIV Latent Reservoir Twin' };

/**
 * One line for a twin-kernel cell: ART from day 10 to the end of the default 120-day run (samples every half
 * day), then how many logs the viral load fell in the first 14 days of therapy (sample 20 is day 10, 48 day 24).
 */
export const HIV_CELL =
  "twin.intervene('art', { start: 10, stop: 120 }); const r = await twin.run(); const V = r.runs[0].observables.V; `logs down after 14 days of ART: ${(Math.log10(V[20]) - Math.log10(V[48])).toFixed(3)}`";

/**
 * The same run on the command line: `immunotwin run --plugin` with the example's built module, its CSV read back.
 * The number the cell prints, as text with three decimals.
 */
export function hivLogDropInNode(): string {
  const root = path.resolve(__dirname, '..');
  const dir = mkdtempSync(path.join(tmpdir(), 'hiv-cli-'));
  try {
    const scenario = path.join(dir, 'art.json');
    writeFileSync(
      scenario,
      JSON.stringify({ model: 'hiv-latent', interventions: [{ kind: 'art', start: 10, stop: 120 }] }),
    );
    const csv = execFileSync(
      process.execPath,
      [
        path.join(root, 'packages/cli/lib/bin.js'),
        'run',
        scenario,
        '--plugin',
        path.join(root, 'examples/plugin-hiv-latent/lib/model.js'),
        '--quiet',
      ],
      { encoding: 'utf8' },
    );
    const [header, ...rows] = csv
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    const column = header.indexOf('V');
    const V = rows.map((row) => Number(row[column]));
    return (Math.log10(V[20]) - Math.log10(V[48])).toFixed(3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
