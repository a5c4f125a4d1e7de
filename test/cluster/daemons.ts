/** Starting programs that put themselves in the background and write a pid file, and stopping them by it. */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { waitFor } from './waitFor.js';

const run = promisify(execFile);

/** Runs `program` (which forks a daemon and returns) and waits for the daemon's pid file; returns the pid. */
export async function startDaemon(
  program: string,
  args: readonly string[],
  pidFile: string,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  await run(program, args, { env });
  return waitFor(`${program} to write ${pidFile}`, () => readPid(pidFile), { timeoutMs: 15_000 });
}

async function readPid(pidFile: string): Promise<number | undefined> {
  const text = await readFile(pidFile, 'utf8').catch(() => '');
  const pid = Number.parseInt(text.trim(), 10);
  return pid > 0 ? pid : undefined;
}

/** The process's command name, or undefined when it has ended (a zombie counts as ended). */
async function runningCommand(pid: number): Promise<string | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (stat === undefined) return undefined;
  // "<pid> (<comm>) <state> …"; comm may itself hold parentheses, so read up to the last one.
  const close = stat.lastIndexOf(')');
  const state = stat.slice(close + 2, close + 3);
  return state === 'Z' || state === 'X' ? undefined : stat.slice(stat.indexOf('(') + 1, close);
}

/** Sends a signal, ignoring a process that has just ended. */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/**
 * Stops the daemon whose pid `pidFile` holds, if that process is still the program `command` (a pid file
 * left behind may name a pid reused by something else): SIGTERM, then SIGKILL if it has not ended in 10 s.
 */
export async function stopDaemon(pidFile: string, command: string): Promise<void> {
  const pid = await readPid(pidFile);
  if (pid === undefined || (await runningCommand(pid)) !== command) return;
  signal(pid, 'SIGTERM');
  const ended = async () => ((await runningCommand(pid)) === undefined ? true : undefined);
  try {
    await waitFor(`${command} (pid ${pid}) to end`, ended, { timeoutMs: 10_000 });
  } catch {
    signal(pid, 'SIGKILL');
    await waitFor(`${command} (pid ${pid}) to end after SIGKILL`, ended, { timeoutMs: 5_000 });
  }
}
