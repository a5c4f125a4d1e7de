import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from './generate.js';
import { idFromDirectory } from './names.js';

/** Where the command writes. */
export interface MainIo {
  /** Normal output. */
  readonly stdout: { write(text: string): unknown };
  /** Errors. */
  readonly stderr: { write(text: string): unknown };
}

/** The command's usage text. */
export const USAGE = `Usage: create-immunotwin-model <dir> [--id <model-id>] [--title <title>] [--immunotwin-from <checkout>]

Generates an ImmunoTwin model plugin in the new folder <dir>: a stepped model in TypeScript (src/model.ts), a
JupyterLab extension that registers it (src/index.ts), its test, and a Python package that ships the prebuilt
extension, so \`pip install\` is all a user does.

  --id               model id: lower-case words joined by hyphens (default: from <dir>)
  --title            human-readable title, also the kernel's name (default: from the id)
  --immunotwin-from  path to an ImmunoTwin checkout: depend on its packages (file: specifiers)
                     instead of the published @immunotwin/* versions
  --help             this text
`;

/** This generator's version: the published ImmunoTwin version the generated package depends on. */
function ownVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return String(manifest.version);
}

/** Runs the command with `args` (no program name); resolves to the exit code. */
export function main(args: readonly string[], io: MainIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        id: { type: 'string' },
        title: { type: 'string' },
        'immunotwin-from': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.stderr.write(`create-immunotwin-model: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    io.stderr.write(`create-immunotwin-model: give exactly one folder (got ${positionals.length})\n\n${USAGE}`);
    return 2;
  }
  const directory = positionals[0];
  try {
    const result = generate({
      directory,
      id: values.id ?? idFromDirectory(directory),
      title: values.title,
      immunotwinFrom: values['immunotwin-from'],
      publishedRange: `^${ownVersion()}`,
    });
    const where = relative(process.cwd(), result.directory) || '.';
    io.stdout.write(
      `Created the ImmunoTwin model plugin "${result.names.id}" (${result.names.title}) in ${where}: ${result.files.length} files.\n` +
        `Next:\n  cd ${where}\n  npm install\n  npm run build\n  npm test\n  pip install .\n`,
    );
    return 0;
  } catch (error) {
    io.stderr.write(`create-immunotwin-model: ${(error as Error).message}\n`);
    return 1;
  }
}
