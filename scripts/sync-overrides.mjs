#!/usr/bin/env node
// Pins every @jupyterlab/* package to the exact version JupyterLab itself resolves (the `resolutions` of
// @jupyterlab/core-meta's core.package.json) through the root package.json's npm `overrides`: ranges such as
// ~4.6.4 can otherwise pull patch releases whose own dependencies are missing from the registry.
// Run after changing the core-meta version, then `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const core = require('@jupyterlab/core-meta/core.package.json');
const file = new URL('../package.json', import.meta.url);
const root = JSON.parse(readFileSync(file, 'utf8'));

const pins = { ...root.overrides };
for (const [name, range] of Object.entries(core.resolutions)) {
  if (name.startsWith('@jupyterlab/')) pins[name] = range.replace(/^[~^]/, '');
}
root.overrides = Object.fromEntries(Object.entries(pins).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(file, JSON.stringify(root, null, 2) + '\n');
console.log(`pinned ${Object.keys(root.overrides).length} @jupyterlab packages to core-meta ${core.version}`);
