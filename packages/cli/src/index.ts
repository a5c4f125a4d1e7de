/**
 * @immunotwin/cli — the `immunotwin` command: run scenarios headlessly, list models, validate documents.
 * `main` runs the command line in-process (for tests and embedding); the bin is a thin wrapper around it.
 */
export { main, COMMANDS } from './main.js';
export type { CliIo, OutputStream } from './io.js';
export { CliError, UsageError, ExitCode } from './errors.js';
export { createRegistry } from './registry.js';
export { CLI_VERSION } from './version.js';
