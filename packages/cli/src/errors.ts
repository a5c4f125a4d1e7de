import { ValidationError, type ValidationIssue } from '@immunotwin/engine';

/** Exit codes of the `immunotwin` command. */
export const ExitCode = {
  /** Success. */
  ok: 0,
  /** Invalid input, a failed run or an I/O error. */
  failure: 1,
  /** Wrong command line: unknown command or option, missing or bad option value. */
  usage: 2,
  /** Interrupted (Ctrl-C), as shells report SIGINT. */
  interrupted: 130,
} as const;

/** An error meant for the user: printed as `immunotwin: error: <message>` plus indented details, no stack. */
export class CliError extends Error {
  /**
   * @param message one line: what is wrong and what is allowed
   * @param exitCode the process exit code
   * @param details further lines, printed indented under the message
   * @param options the underlying error as `cause` (its stack is shown with IMMUNOTWIN_DEBUG=1)
   */
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.failure,
    readonly details: readonly string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CliError';
  }
}

/** A mistake in the command line itself (exit code 2). */
export class UsageError extends CliError {
  constructor(message: string, details: readonly string[] = []) {
    super(message, ExitCode.usage, details);
    this.name = 'UsageError';
  }
}

/** One validation issue as a detail line: `path: message`. */
export function formatIssue(issue: ValidationIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/** A ValidationError about a file, as a CliError whose message starts with the file name. */
export function fileValidationError(file: string, error: ValidationError): CliError {
  return new CliError(`${file}: ${error.message}`, ExitCode.failure, error.issues.slice(1).map(formatIssue), {
    cause: error,
  });
}

/** Turns ValidationErrors thrown by `action` into CliErrors naming `file`. */
export async function aboutFile<T>(file: string, action: () => T | Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof ValidationError) throw fileValidationError(file, error);
    throw error;
  }
}
