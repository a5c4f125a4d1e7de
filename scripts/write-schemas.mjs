#!/usr/bin/env node
// Writes schema/*.schema.json from the engine's TypeBox definitions (the single source of truth), or with
// --check fails if the committed files differ from what the definitions produce.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const engine = await import(join(root, 'packages/engine/lib/index.js'));
const check = process.argv.includes('--check');

const documents = {
  'model-manifest.schema.json': engine.ModelManifestSchema,
  'scenario.schema.json': engine.ScenarioSchema,
  'results.schema.json': engine.ResultsJsonSchema,
  'observed-data.schema.json': engine.ObservedDatasetSchema,
  'workbench-state.schema.json': engine.WorkbenchStateSchema,
  'plot.schema.json': engine.PlotBundleSchema,
  'tissue.schema.json': engine.TissueJsonSchema,
};

let stale = [];
for (const [file, schema] of Object.entries(documents)) {
  const text = `${JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...schema }, null, 2)}\n`;
  const path = join(root, 'schema', file);
  if (check) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) stale.push(file);
  } else {
    writeFileSync(path, text);
  }
}
if (stale.length > 0) {
  console.error(
    `schema/ is out of date with the TypeBox definitions: ${stale.join(', ')}. Run \`npm run schemas\` and commit.`,
  );
  process.exit(1);
}
if (!check) console.log(`wrote ${Object.keys(documents).length} schemas to schema/`);
