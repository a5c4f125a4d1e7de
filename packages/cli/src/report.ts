import { FitFailedError, ScenarioRunError, ValidationError } from '@immunotwin/engine';
import { isWorkerDiedError } from '@immunotwin/worker';
import { CliError, ExitCode, formatIssue } from './errors.js';
import type { CliIo } from './io.js';

const PREFIX = 'immunotwin: error: ';

/**
 * Prints an error the way the CLI always does: one line `immunotwin: error: …`, further issues indented
 * below it, no stack trace unless IMMUNOTWIN_DEBUG=1. Returns the exit code that goes with it.
 */
export function reportError(error: unknown, io: CliIo): number {
  const env = io.env ?? process.env;
  const debug = env.IMMUNOTWIN_DEBUG === '1';
  let message: string;
  let details: readonly string[] = [];
  let code: number = ExitCode.failure;
  if (io.signal?.aborted) {
    message = 'interrupted; no output was written';
    code = ExitCode.interrupted;
  } else if (error instanceof CliError) {
    ({ message, details } = error);
    code = error.exitCode;
  } else if (error instanceof ValidationError) {
    message = error.message;
    details = error.issues.slice(1).map(formatIssue);
  } else if (error instanceof ScenarioRunError) {
    message = error.message; // the scenario's failure, not the program's
  } else if (error instanceof FitFailedError) {
    message = `${error.message.split(':')[0]}; widen or move the bounds, or check the data`; // the problem's, too
    details = error.starts.map((start, i) => `start ${i + 1} at [${start.start.join(', ')}]: ${start.message}`);
  } else if (isWorkerDiedError(error)) {
    message = `a worker died during the run, so no output was written. ${error.message}`;
  } else {
    message = `internal error: ${error instanceof Error ? error.message : String(error)}`;
    if (!debug) details = ['(set IMMUNOTWIN_DEBUG=1 for a stack trace)'];
  }
  let text = `${PREFIX}${message.replace(/\n/g, ' ')}\n`;
  for (const line of details) text += `  ${line}\n`;
  if (debug && error instanceof Error) {
    const origin = error instanceof CliError && error.cause instanceof Error ? error.cause : error;
    if (origin.stack) text += `${origin.stack}\n`;
  }
  io.stderr.write(text);
  return code;
}
