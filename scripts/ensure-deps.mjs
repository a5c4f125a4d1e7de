#!/usr/bin/env node
// Installs the workspace's npm dependencies when they are missing or older than package-lock.json, so
// `npm start` and `npm test` work on a fresh clone with no manual step. Quiet when nothing is needed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`ImmunoTwin needs Node.js 20.19 or newer; this is ${process.version}. Install Node 20 LTS and retry.`);
  process.exit(1);
}

const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');
const stale =
  !existsSync(installed) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs + 1000);
if (stale) {
  const command = existsSync(lock) ? 'ci' : 'install';
  console.error(`ImmunoTwin: installing npm dependencies (npm ${command})…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, [command, '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`ImmunoTwin: npm ${command} failed (exit ${result.status}); see the messages above.`);
    process.exit(result.status ?? 1);
  }
}
