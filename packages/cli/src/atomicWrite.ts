import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CliError } from './errors.js';

function describeWriteError(file: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return `cannot write "${file}": its directory does not exist`;
    case 'ENOTDIR':
      return `cannot write "${file}": a part of its path is not a directory`;
    case 'EISDIR':
      return `cannot write "${file}": it is a directory`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `cannot write "${file}": permission denied`;
    case 'ENOSPC':
      return `cannot write "${file}": no space left on the device`;
    default:
      return `cannot write "${file}": ${error.message}`;
  }
}

/**
 * Checks, before any work is done, that `path` can be written: its directory exists and is writable and
 * the path is not a directory. Throws a CliError saying what is wrong.
 */
export async function checkWritable(path: string, file: string): Promise<void> {
  try {
    const dir = await stat(dirname(path));
    if (!dir.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    await access(dirname(path), constants.W_OK);
  } catch (error) {
    throw new CliError(describeWriteError(file, error as NodeJS.ErrnoException));
  }
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory())
    throw new CliError(describeWriteError(file, Object.assign(new Error(''), { code: 'EISDIR' })));
}

/**
 * Writes `data` to `path` atomically: into a temporary file in the same directory, then renamed over
 * `path`. Readers see the old file or the complete new one, never a part; on any error the temporary
 * file is removed and `path` is untouched.
 *
 * @param path absolute path to write
 * @param data the contents
 * @param file the name to show in messages (as the user wrote it)
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, file: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, data, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new CliError(describeWriteError(file, error as NodeJS.ErrnoException));
  }
}
