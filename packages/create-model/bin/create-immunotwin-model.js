#!/usr/bin/env node
// The `create-immunotwin-model` command (what `npm init @immunotwin/model` runs). Committed, not built, so npm
// can link it before the TypeScript build has produced lib/; it runs the compiled generator.
import { existsSync } from 'node:fs';

const entry = new URL('../lib/bin.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('create-immunotwin-model: not built yet; run `npm run build` at the ImmunoTwin repository root first.');
  process.exit(1);
}
await import(entry.href);
