/** A number as people write it in a table: `4e8`, `3.2e-5`, `5.2`, `0.093` (round-trips exactly). */
export function formatNumber(x: number): string {
  const abs = Math.abs(x);
  if (x !== 0 && (abs >= 1e5 || abs < 1e-3)) return x.toExponential().replace('e+', 'e');
  return String(x);
}

/**
 * Lays rows out in aligned columns (the last column is not padded, so long texts just run on).
 *
 * @param rows the header row first, then the data
 * @param indent spaces before every line
 */
export function table(rows: readonly (readonly string[])[], indent = 2): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, j) => (widths[j] = Math.max(widths[j] ?? 0, cell.length)));
  return rows
    .map(
      (row) =>
        ' '.repeat(indent) +
        row
          .map((cell, j) => (j < row.length - 1 ? cell.padEnd(widths[j]) : cell))
          .join('  ')
          .trimEnd(),
    )
    .join('\n');
}

/** Wraps text to `width` columns, each line prefixed with `indent` spaces. */
export function wrap(text: string, width = 100, indent = 2): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width - indent) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => ' '.repeat(indent) + l).join('\n');
}
