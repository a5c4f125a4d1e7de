#!/usr/bin/env node
// After a build, makes every workspace package's `bin` files executable (tsc writes them 0644), so the
// node_modules/.bin links npm created at install time can be run directly (e.g. `npx immunotwin`).
import { chmodSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packages = join(dirname(fileURLToPath(import.meta.url)), '..', 'packages');
for (const name of readdirSync(packages)) {
  const manifest = join(packages, name, 'package.json');
  if (!existsSync(manifest)) continue;
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
  for (const file of typeof bin === 'string' ? [bin] : Object.values(bin ?? {})) {
    const path = join(packages, name, file);
    if (existsSync(path)) chmodSync(path, 0o755);
  }
}
