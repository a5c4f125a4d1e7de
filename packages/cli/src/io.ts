/** Where the CLI writes: anything with `write` (process streams, or string collectors in tests). */
export interface OutputStream {
  /** Writes a chunk of text. */
  write(chunk: string): unknown;
  /** Whether this is an interactive terminal (progress then updates a single line in place). */
  readonly isTTY?: boolean;
}

/** The outside world as the CLI sees it, injected so tests can run commands in-process. */
export interface CliIo {
  /** Results and listings. */
  readonly stdout: OutputStream;
  /** Progress, notes and errors. */
  readonly stderr: OutputStream;
  /** Directory relative paths are resolved against (default: the process's). */
  readonly cwd?: string;
  /** Environment variables (default: the process's); `IMMUNOTWIN_DEBUG=1` adds stack traces to errors. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Aborts a running command (the bin wires it to Ctrl-C). */
  readonly signal?: AbortSignal;
}
