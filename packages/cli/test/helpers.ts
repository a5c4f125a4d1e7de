import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/main.js';

/** What a CLI invocation produced. */
export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** A string sink standing in for a process stream. */
export class Capture {
  text = '';
  constructor(readonly isTTY = false) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

/** Runs `immunotwin <argv>` in-process with captured streams. */
export async function cli(
  argv: readonly string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; signal?: AbortSignal; tty?: boolean } = {},
): Promise<CliOutcome> {
  const stdout = new Capture();
  const stderr = new Capture(options.tty ?? false);
  const code = await main(argv, { stdout, stderr, cwd: options.cwd, env: options.env ?? {}, signal: options.signal });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** A scratch directory, removed by `dispose`. */
export interface TempDir {
  path: string;
  /** Writes a file (objects as JSON) and returns its name. */
  write(name: string, content: unknown): Promise<string>;
  /** File names in the directory, sorted. */
  files(): Promise<string[]>;
  dispose(): Promise<void>;
}

export async function tempDir(): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), 'immunotwin-cli-'));
  return {
    path,
    async write(name, content) {
      await writeFile(join(path, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
      return name;
    },
    async files() {
      return (await readdir(path)).sort();
    },
    dispose: () => rm(path, { recursive: true, force: true }),
  };
}

/** Parses CSV text into its header and numeric rows. */
export function parseCsv(text: string): { header: string[]; rows: number[][] } {
  const lines = text.trimEnd().split('\n');
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',').map(Number)) };
}
