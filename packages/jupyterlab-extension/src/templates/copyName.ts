/**
 * The path for a copy of `file` in `directory` that does not clash with an existing file:
 * `dir/name.ipynb`, then `dir/name-1.ipynb`, `dir/name-2.ipynb`, …
 */
export async function freeCopyPath(
  directory: string,
  file: string,
  exists: (path: string) => Promise<boolean>,
): Promise<string> {
  const dot = file.lastIndexOf('.');
  const stem = dot > 0 ? file.slice(0, dot) : file;
  const extension = dot > 0 ? file.slice(dot) : '';
  const prefix = directory ? `${directory.replace(/\/+$/, '')}/` : '';
  for (let n = 0; ; n++) {
    const path = `${prefix}${stem}${n === 0 ? '' : `-${n}`}${extension}`;
    if (!(await exists(path))) return path;
  }
}
