#!/usr/bin/env node
// The `immunotwin` command. This file is committed (not built) so that npm can link it at install time,
// before the TypeScript build has produced lib/; it runs the compiled CLI.
import { existsSync } from 'node:fs';

const entry = new URL('../lib/bin.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('immunotwin: the CLI is not built yet; run `npm run build` at the repository root first.');
  process.exit(1);
}
await import(entry.href);
