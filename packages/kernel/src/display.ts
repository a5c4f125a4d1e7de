import { normaliseBundle, toMimeBundle, type MimeBundle } from './mime.js';

/** Options of the `display()` function a cell sees. */
export interface DisplayOptions {
  /** The value is already MIME data (`{ 'text/html': … }`) or a `{ data, metadata }` bundle: show it as is. */
  raw?: boolean;
  /** Metadata merged into the bundle's (e.g. `{ 'image/png': { width: 300 } }`). */
  metadata?: Record<string, unknown>;
}

/** The `display()` function a cell sees, like IPython's: shows any value as a rich output now. */
export interface DisplayFunction {
  /** Shows `value` as its MIME bundle (see `toMimeBundle`), or as given with `{ raw: true }`. */
  (value: unknown, options?: DisplayOptions): void;
  /** Shows an HTML fragment. */
  html(html: string): void;
  /** Shows Markdown. */
  markdown(markdown: string): void;
}

/**
 * The `display()` function for cells. `target()` is asked on every call, so one function can follow the
 * kernel from cell to cell.
 */
export function createDisplay(target: () => ((bundle: MimeBundle) => void) | undefined): DisplayFunction {
  const show = (bundle: MimeBundle): void => target()?.(bundle);
  const display = ((value: unknown, options: DisplayOptions = {}) => {
    const bundle = options.raw ? normaliseBundle(value) : toMimeBundle(value);
    if (!('text/plain' in bundle.data)) bundle.data['text/plain'] = '<rich output>';
    if (options.metadata) bundle.metadata = { ...bundle.metadata, ...options.metadata };
    show(bundle);
  }) as DisplayFunction;
  display.html = (html) => show({ data: { 'text/html': html, 'text/plain': '<HTML>' }, metadata: {} });
  display.markdown = (markdown) => show({ data: { 'text/markdown': markdown, 'text/plain': markdown }, metadata: {} });
  return display;
}
