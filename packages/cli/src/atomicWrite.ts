import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
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

/** A file being written atomically: chunks go to a temporary file, which `commit` renames over the target. */
export interface AtomicFile {
  /** Appends a chunk (awaited: the file's own back-pressure). */
  write(chunk: string | Uint8Array): Promise<void>;
  /** Closes the temporary file and renames it over the target: readers see the complete new file. */
  commit(): Promise<void>;
  /** Closes and removes the temporary file; the target is untouched. */
  discard(): Promise<void>;
}

/**
 * Opens `path` for an atomic write: a temporary file in the same directory, renamed over `path` on commit.
 * Readers see the old file or the complete new one, never a part; on any error the temporary file is removed
 * and `path` is untouched. Errors are CliErrors naming `file` (as the user wrote it).
 */
export async function openAtomicFile(path: string, file: string): Promise<AtomicFile> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fail = async (error: unknown): Promise<never> => {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new CliError(describeWriteError(file, error as NodeJS.ErrnoException));
  };
  let handle: FileHandle | undefined;
  try {
    handle = await open(temporary, 'wx');
  } catch (error) {
    return fail(error);
  }
  const opened = handle;
  return {
    async write(chunk) {
      try {
        await (typeof chunk === 'string' ? opened.write(chunk) : opened.write(chunk));
      } catch (error) {
        await fail(error);
      }
    },
    async commit() {
      try {
        await opened.close();
        await rename(temporary, path);
      } catch (error) {
        await fail(error);
      }
    },
    async discard() {
      await opened.close().catch(() => undefined);
      await rm(temporary, { force: true }).catch(() => undefined);
    },
  };
}

/**
 * Writes `data` to `path` atomically (see {@link openAtomicFile}).
 *
 * @param path absolute path to write
 * @param data the contents
 * @param file the name to show in messages (as the user wrote it)
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, file: string): Promise<void> {
  const target = await openAtomicFile(path, file);
  await target.write(data);
  await target.commit();
}
