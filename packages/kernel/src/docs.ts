/** Documentation of one name: a twin API method, a model parameter, a model. */
export interface DocEntry {
  /** The name as completed and looked up, e.g. `'run'` or `'beta'`. */
  name: string;
  /**
   * The kind, shown by completers as an icon: `'function'`, `'class'`, `'module'`, `'instance'`,
   * `'property'`, `'param'`, `'keyword'`… (default `'property'`).
   */
  type?: string;
  /** A one-line signature, e.g. `'twin.run(options?: RunOptions): Promise<RunResult>'`. */
  signature?: string;
  /** The documentation, in Markdown. */
  markdown: string;
  /** The documentation as plain text (default: {@link markdown} with its markup removed). */
  text?: string;
}

/**
 * Supplies documentation to completion and inspection. Paths are dotted names as typed in a cell:
 * `['twin', 'run']`, `['twin', 'params', 'beta']`, `['models']`.
 */
export interface DocsProvider {
  /** The documentation of the name at `path`, if any. */
  lookup(path: readonly string[]): DocEntry | undefined;
  /** The documented members of `path` (`[]`: documented top-level names). */
  members(path: readonly string[]): readonly DocEntry[];
  /**
   * Names a call accepts as keys of an object argument or as string arguments, e.g. the model's parameters
   * for `['twin', 'set']` — completed in `twin.set({ be|` and in `twin.observe('V|`.
   */
  argumentNames?(callee: readonly string[]): readonly DocEntry[];
}

/** What {@link parameterDoc} needs of a model parameter (the engine's ParameterSpec fits). */
export interface ParameterDocInput {
  /** Identifier used in code. */
  id: string;
  /** Human-readable name. */
  label?: string;
  /** Unit of measure (`'1'` if dimensionless). */
  unit: string;
  /** Default value. */
  default?: number;
  /** Smallest allowed value. */
  min?: number;
  /** Largest allowed value. */
  max?: number;
  /** How controls move over the range. */
  scale?: 'linear' | 'log';
  /** Only whole numbers are allowed. */
  integer?: boolean;
  /** What the parameter means. */
  description?: string;
  /** Citation for the default value. */
  source?: string;
}

const key = (path: readonly string[]): string => JSON.stringify(path);

/**
 * A {@link DocsProvider} filled by registration: the twin API registers its methods, and each model's
 * parameters (with {@link parameterDoc}) both under a path and as argument names of the calls that take them.
 */
export class DocsRegistry implements DocsProvider {
  private readonly entries = new Map<string, DocEntry>();
  private readonly children = new Map<string, Map<string, DocEntry>>();
  private readonly argumentsOf = new Map<string, Map<string, DocEntry>>();

  /** Documents the name at `path` (dotted string or names); `entry.name` defaults to the last name. */
  register(path: string | readonly string[], entry: Omit<DocEntry, 'name'> & { name?: string }): void {
    const names = typeof path === 'string' ? path.split('.') : [...path];
    const full: DocEntry = { ...entry, name: entry.name ?? names[names.length - 1] };
    this.entries.set(key(names), full);
    const parent = key(names.slice(0, -1));
    if (!this.children.has(parent)) this.children.set(parent, new Map());
    this.children.get(parent)!.set(full.name, full);
  }

  /** Documents names accepted by the call `callee` as object keys or string arguments. */
  registerArguments(callee: string | readonly string[], entries: readonly DocEntry[]): void {
    const k = key(typeof callee === 'string' ? callee.split('.') : callee);
    if (!this.argumentsOf.has(k)) this.argumentsOf.set(k, new Map());
    const map = this.argumentsOf.get(k)!;
    for (const entry of entries) map.set(entry.name, entry);
  }

  /** {@inheritDoc DocsProvider.lookup} */
  lookup(path: readonly string[]): DocEntry | undefined {
    return this.entries.get(key(path));
  }

  /** {@inheritDoc DocsProvider.members} */
  members(path: readonly string[]): readonly DocEntry[] {
    return [...(this.children.get(key(path))?.values() ?? [])];
  }

  /** {@inheritDoc DocsProvider.argumentNames} */
  argumentNames(callee: readonly string[]): readonly DocEntry[] {
    return [...(this.argumentsOf.get(key(callee))?.values() ?? [])];
  }
}

/**
 * The documentation entry of a model parameter: label, description, then unit, default, range and source
 * in a table (Markdown) or as lines (plain text).
 */
export function parameterDoc(spec: ParameterDocInput): DocEntry {
  const range =
    spec.min !== undefined || spec.max !== undefined
      ? `[${spec.min ?? '−∞'}, ${spec.max ?? '∞'}]${spec.scale === 'log' ? ' (log scale)' : ''}${spec.integer ? ', whole numbers' : ''}`
      : undefined;
  const rows: [string, string | undefined][] = [
    ['unit', spec.unit],
    ['default', spec.default === undefined ? undefined : String(spec.default)],
    ['range', range],
    ['source', spec.source],
  ];
  const present = rows.filter((row): row is [string, string] => row[1] !== undefined);
  const title = `**${spec.id}**${spec.label ? ` — ${spec.label}` : ''}`;
  const markdown = [
    title,
    ...(spec.description ? ['', spec.description] : []),
    '',
    '| | |',
    '|---|---|',
    ...present.map(([name, value]) => `| ${name} | ${name === 'unit' ? `\`${value}\`` : value} |`),
  ].join('\n');
  const text = [
    `${spec.id}${spec.label ? ` — ${spec.label}` : ''}`,
    ...(spec.description ? [spec.description] : []),
    ...present.map(([name, value]) => `${name}: ${value}`),
  ].join('\n');
  return { name: spec.id, type: 'param', signature: `${spec.id}: number [${spec.unit}]`, markdown, text };
}

/** Markdown reduced to plain text for `text/plain`: emphasis, code marks and heading marks removed. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/^#+\s*/gm, '')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^```.*$/gm, '');
}
