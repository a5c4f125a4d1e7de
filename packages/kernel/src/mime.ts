import { formatValue } from './format.js';

/** MIME type → content, the `data` of a Jupyter display_data or execute_result message. */
export type MimeData = Record<string, unknown>;

/** A MIME bundle with its metadata: the content of a Jupyter display_data or execute_result message. */
export interface MimeBundle {
  /** MIME type → content; always has `text/plain`. */
  data: MimeData;
  /** Per-bundle or per-MIME-type metadata (e.g. `{ 'image/png': { width: 400 } }`). */
  metadata: Record<string, unknown>;
}

/**
 * A value that knows how to show itself in a notebook, like IPython's `_repr_mimebundle_`: its
 * `toMimeBundle()` returns either MIME data (`{ 'text/html': …, 'text/plain': … }`) or a whole
 * `{ data, metadata }` bundle.
 */
export interface MimeRenderable {
  /** The rich representations of this value. */
  toMimeBundle(): MimeData | { data: MimeData; metadata?: Record<string, unknown> };
}

/** Rows shown in a table before the rest are summarised. */
export const MAX_TABLE_ROWS = 50;

/** Whether `value` has a callable `toMimeBundle` method. */
export function isMimeRenderable(value: unknown): value is MimeRenderable {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { toMimeBundle?: unknown }).toMimeBundle === 'function'
  );
}

/** Whether `value` is a plain object (its prototype is Object.prototype or null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Whether `value` is a non-empty array of plain objects, shown as a table. */
export function isRowArray(value: unknown): value is readonly Record<string, unknown>[] {
  return Array.isArray(value) && value.length > 0 && value.every(isPlainObject);
}

/**
 * The MIME bundle for a cell result or a `display()`ed value: a {@link MimeRenderable}'s own bundle (with a
 * `text/plain` fallback added if it has none), an array of row objects as an HTML table plus a text table,
 * and anything else (plain values, typed arrays, objects) as readable `text/plain`.
 */
export function toMimeBundle(value: unknown): MimeBundle {
  if (isMimeRenderable(value)) {
    const bundle = normaliseBundle(value.toMimeBundle());
    if (!('text/plain' in bundle.data)) bundle.data['text/plain'] = formatValue(value, { depth: 0 });
    return bundle;
  }
  if (isRowArray(value)) {
    return { data: { 'text/html': rowsToHtml(value), 'text/plain': rowsToText(value) }, metadata: {} };
  }
  return { data: { 'text/plain': formatValue(value) }, metadata: {} };
}

/**
 * Accepts what a `toMimeBundle()` method or a raw `display()` call gives: MIME data (every key a MIME type)
 * or `{ data, metadata }`; returns a fresh {@link MimeBundle}.
 */
export function normaliseBundle(raw: unknown): MimeBundle {
  if (typeof raw !== 'object' || raw === null) {
    throw new TypeError(`a MIME bundle must be an object of MIME type → content, got ${formatValue(raw)}`);
  }
  const record = raw as Record<string, unknown>;
  const keys = Object.keys(record);
  const isWrapped =
    typeof record.data === 'object' && record.data !== null && keys.every((k) => k === 'data' || k === 'metadata');
  if (isWrapped) {
    const metadata = typeof record.metadata === 'object' && record.metadata !== null ? record.metadata : {};
    return { data: { ...(record.data as MimeData) }, metadata: { ...(metadata as Record<string, unknown>) } };
  }
  const notMime = keys.filter((k) => !k.includes('/'));
  if (notMime.length) {
    throw new TypeError(
      `a MIME bundle's keys must be MIME types like 'text/html'; got ${notMime.map((k) => JSON.stringify(k)).join(', ')}`,
    );
  }
  return { data: { ...record }, metadata: {} };
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The columns of a row array: every key, in order of first appearance. */
export function tableColumns(rows: readonly Record<string, unknown>[], maxRows = MAX_TABLE_ROWS): string[] {
  const columns = new Set<string>();
  for (const row of rows.slice(0, maxRows)) for (const key of Object.keys(row)) columns.add(key);
  return [...columns];
}

function cellText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return formatValue(value, { depth: 0, breakLength: Infinity });
}

/** An HTML table of row objects (index column first, like a data frame), with at most `maxRows` rows. */
export function rowsToHtml(rows: readonly Record<string, unknown>[], maxRows = MAX_TABLE_ROWS): string {
  const columns = tableColumns(rows, maxRows);
  const head = `<tr><th></th>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = rows
    .slice(0, maxRows)
    .map(
      (row, i) => `<tr><th>${i}</th>${columns.map((c) => `<td>${escapeHtml(cellText(row[c]))}</td>`).join('')}</tr>`,
    );
  if (rows.length > maxRows) {
    body.push(`<tr><th>…</th><td colspan="${columns.length}">${rows.length - maxRows} more rows</td></tr>`);
  }
  return `<table class="immunotwin-table">\n<thead>${head}</thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}

/** A plain-text table of row objects: aligned columns, numbers right-aligned, at most `maxRows` rows. */
export function rowsToText(rows: readonly Record<string, unknown>[], maxRows = MAX_TABLE_ROWS): string {
  const columns = tableColumns(rows, maxRows);
  const shown = rows.slice(0, maxRows);
  const grid = [['', ...columns], ...shown.map((row, i) => [String(i), ...columns.map((c) => cellText(row[c]))])];
  const numeric = ['', ...columns].map(
    (_, j) => j === 0 || shown.every((row) => typeof row[columns[j - 1]] !== 'string'),
  );
  const widths = grid[0].map((_, j) => Math.max(...grid.map((line) => line[j].length)));
  const lines = grid.map((line) =>
    line
      .map((text, j) => (numeric[j] ? text.padStart(widths[j]) : text.padEnd(widths[j])))
      .join('  ')
      .trimEnd(),
  );
  if (rows.length > maxRows) lines.push(`… ${rows.length - maxRows} more rows`);
  return lines.join('\n');
}
