import { complete, type CompleteReply } from './completion.js';
import { createConsole, type KernelConsole, type StreamName } from './console.js';
import { createDisplay, type DisplayFunction } from './display.js';
import type { DocsProvider } from './docs.js';
import { KeyboardInterrupt, toCellSyntaxError } from './errors.js';
import { inspect, type InspectReply } from './inspection.js';
import { isComplete, type IsCompleteReply } from './isComplete.js';
import { toMimeBundle, type MimeBundle } from './mime.js';
import { rewriteCell, type RewrittenCell } from './rewrite.js';
import { ScopeRuntime, type ModuleLoader, type PendingAwait } from './runtime.js';
import { frameLine, runtimeErrorReply, syntaxErrorReply, type CellRecord, type ErrorReply } from './traceback.js';
import { transpile, type CellLanguage } from './transpile.js';

/** What the executor tells the code that provides a cell's globals (the twin API) about the cell. */
export interface CellContext {
  /** Aborted when the kernel is interrupted: long work (simulations) should stop and reject. */
  readonly signal: AbortSignal | undefined;
  /** The cell's execution count. */
  readonly executionCount: number;
  /** Shows a rich output in the cell. */
  readonly display: DisplayFunction;
  /** Writes to the cell's stdout or stderr. */
  stream(name: StreamName, text: string): void;
}

/** Where one execution's outputs go, and what it sees. */
export interface ExecutionContext {
  /** Receives each rich output (`display()`, `console.table`) as it happens: a display_data message. */
  display(bundle: MimeBundle): void;
  /** Receives each piece of console output as it happens: a stream message. */
  stream(name: StreamName, text: string): void;
  /** The interrupt signal: aborting it ends the execution with a `KeyboardInterrupt` error. */
  signal?: AbortSignal;
  /** The kernel's execution count for this cell (labels frames of earlier cells in tracebacks). */
  executionCount?: number;
  /**
   * Globals to put in the cell's scope besides `console` and `display` (which they may replace): `twin`,
   * `models`, … Either the values, or a function of the {@link CellContext} (its `signal` is how the twin
   * API learns of interrupts). A cell's own top-level declaration of the same name takes precedence.
   */
  globals?: Record<string, unknown> | ((cell: CellContext) => Record<string, unknown>);
}

/** The result of executing a cell: the content of a Jupyter execute_reply, plus the result's bundle. */
export type ExecutionOutcome =
  | {
      /** The cell ran to its end. */
      status: 'ok';
      /** The value of the cell's final expression statement, unless there is none or it is undefined. */
      result?: MimeBundle;
    }
  | ({
      /** The cell did not parse, threw, or was interrupted. */
      status: 'error';
    } & ErrorReply);

/** Options of a {@link CellExecutor}. */
export interface CellExecutorOptions {
  /** Language of the cells (default `'typescript'`, which also accepts plain JavaScript). */
  language?: CellLanguage;
  /** How many executed cells to remember for tracebacks through functions they defined (default 500). */
  cellHistory?: number;
  /**
   * Loads modules for cells' `import` declarations and `import()` expressions (default: the host's dynamic
   * `import()`). The kernel can map bare specifiers to URLs here.
   */
  importModule?: ModuleLoader;
}

const SOURCE_URL = (id: number): string => `immunotwin-cell-${id}.js`;
const SOURCE_URL_PATTERN = /immunotwin-cell-(\d+)\.js:(\d+):(\d+)/;

/**
 * A cell that is one `{ … }` reads as an object literal, not as a block, as in Node's REPL: the compiled
 * parenthesised cell, or undefined when it is not one or does not compile as an expression.
 */
function asObjectLiteral(code: string, compile: (source: string) => RewrittenCell): RewrittenCell | undefined {
  if (!/^\s*\{/.test(code) || !/\}\s*$/.test(code)) return undefined;
  try {
    const rewritten = compile(`(${code}\n)`);
    return rewritten.hasResult ? rewritten : undefined;
  } catch {
    return undefined;
  }
}

/** How a cell's run ended before it becomes an {@link ExecutionOutcome}. */
type Settled =
  { kind: 'ok'; value: unknown } | { kind: 'error'; error: unknown } | { kind: 'interrupted'; pending: PendingAwait[] };

/**
 * Runs notebook cells — JavaScript or TypeScript with top-level await — in one persistent scope, the core
 * of the kernel's worker. DOM-free and JupyterLab-free: the same code runs in a browser worker and in Node.
 *
 * Each cell's types are stripped ({@link transpile}), its top-level declarations are rewritten into
 * properties of {@link scope} ({@link rewriteCell}), and it runs as an async function. Console output and
 * `display()` calls go to the context's callbacks as they happen; the value of a final expression becomes
 * the result's MIME bundle; errors come back with the cell lines they passed and nothing of the executor.
 *
 * Interrupts: aborting `context.signal` makes the execution end at once with `KeyboardInterrupt`, rejects
 * the cell's pending `await`s, and reaches the twin API through {@link CellContext.signal}. A cell stuck in
 * synchronous code (an endless loop) cannot be interrupted from inside its thread: the kernel must restart
 * the worker.
 */
export class CellExecutor {
  /** The kernel's globals (`console`, `display`, `twin`, …): the prototype of {@link scope}. */
  private readonly globals: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  /**
   * The live, persistent scope: every top-level declaration of every cell as an own property, the
   * globals through its prototype. Completion and inspection read it.
   */
  readonly scope: Record<string, unknown> = Object.create(this.globals) as Record<string, unknown>;
  /** The console cells see; it writes to the execution in progress. */
  readonly console: KernelConsole;
  /** The `display()` cells see; it shows in the execution in progress. */
  readonly display: DisplayFunction;

  private readonly runtime: ScopeRuntime;
  private readonly language: CellLanguage;
  private readonly cellHistory: number;
  private readonly cells = new Map<number, CellRecord>();
  private readonly generatedNames = new Set<string>();
  private output: ExecutionContext | undefined;
  private nextCellId = 1;
  private count = 0;

  constructor(options: CellExecutorOptions = {}) {
    this.language = options.language ?? 'typescript';
    this.cellHistory = options.cellHistory ?? 500;
    this.runtime = new ScopeRuntime(this.scope, options.importModule);
    this.console = createConsole(() => this.output);
    this.display = createDisplay(() => this.output && ((bundle) => this.output?.display(bundle)));
  }

  /** The execution count of the last cell executed (0 before the first). */
  get executionCount(): number {
    return this.count;
  }

  /** Every name a cell can use: the cells' declarations, then the globals. */
  names(): string[] {
    const out: string[] = [];
    for (const name in this.scope) out.push(name);
    return out;
  }

  /** Forgets every declaration of earlier cells (the globals stay). */
  reset(): void {
    for (const name of Object.keys(this.scope)) delete this.scope[name];
  }

  /**
   * Runs one cell. Never rejects: syntax errors, exceptions and interrupts come back as an error outcome.
   * Executions should not overlap (a Jupyter kernel runs one cell at a time); output of callbacks that
   * fire later goes to the execution in progress then.
   */
  async execute(code: string, context: ExecutionContext): Promise<ExecutionOutcome> {
    const executionCount = context.executionCount ?? this.count + 1;
    this.count = executionCount;
    const cellId = this.nextCellId++;
    const signal = context.signal;
    this.output = context;
    this.runtime.signal = signal;
    try {
      this.installGlobals(context, executionCount);
    } catch (error) {
      return this.errorOutcome(runtimeErrorReply(error, this.stackReading(), () => undefined, cellId));
    }
    if (signal?.aborted) return this.errorOutcome(this.interruptReply([], cellId));

    let rewritten: RewrittenCell;
    try {
      const options = { knownNames: this.names(), sourceURL: SOURCE_URL(cellId), cellId };
      const compile = (source: string): RewrittenCell =>
        rewriteCell(transpile(source, { language: this.language }), options);
      rewritten = asObjectLiteral(code, compile) ?? compile(code);
    } catch (error) {
      const syntax = toCellSyntaxError(error, code);
      if (syntax) return this.errorOutcome(syntaxErrorReply(syntax, code));
      return this.errorOutcome(runtimeErrorReply(error, this.stackReading(), () => undefined, cellId));
    }
    this.generatedNames.add(rewritten.scopeName);
    this.generatedNames.add(rewritten.functionName);
    this.remember(cellId, { label: `[${executionCount}]`, lines: code.split('\n'), lineOffset: rewritten.lineOffset });

    const settled = await this.run(rewritten, signal);
    if (settled.kind === 'interrupted') {
      return this.errorOutcome(this.interruptReply(settled.pending, cellId));
    }
    if (settled.kind === 'error') {
      if (settled.error instanceof KeyboardInterrupt) {
        const { line, cell } = settled.error;
        return this.errorOutcome(this.interruptReply(line ? [{ line, cell }] : [], cellId));
      }
      return this.errorOutcome(this.errorReply(settled.error, cellId));
    }
    const value = Array.isArray(settled.value) ? (settled.value[0] as unknown) : undefined;
    if (!rewritten.hasResult || value === undefined) return { status: 'ok' };
    try {
      return { status: 'ok', result: toMimeBundle(value) };
    } catch (error) {
      return this.errorOutcome(this.errorReply(error, cellId));
    }
  }

  /** Completion at a cursor (code points) over the live scope; see {@link complete}. */
  complete(code: string, cursorPos: number, docs?: DocsProvider): CompleteReply {
    return complete(code, cursorPos, this.scope, docs);
  }

  /** Inspection at a cursor (code points) over the live scope; see {@link inspect}. */
  inspect(code: string, cursorPos: number, docs?: DocsProvider, detailLevel = 0): InspectReply {
    return inspect(code, cursorPos, this.scope, docs, { detailLevel });
  }

  /** Whether `code` is a complete cell in this executor's language; see {@link isComplete}. */
  isComplete(code: string): IsCompleteReply {
    return isComplete(code, { language: this.language });
  }

  private installGlobals(context: ExecutionContext, executionCount: number): void {
    const cell: CellContext = {
      signal: context.signal,
      executionCount,
      display: this.display,
      stream: (name, text) => context.stream(name, text),
    };
    const extra = typeof context.globals === 'function' ? context.globals(cell) : (context.globals ?? {});
    Object.assign(this.globals, { console: this.console, display: this.display }, extra);
  }

  /** Evaluates the rewritten cell and waits for it, or for the interrupt, whichever comes first. */
  private run(rewritten: RewrittenCell, signal: AbortSignal | undefined): Promise<Settled> {
    return new Promise<Settled>((resolve) => {
      let done = false;
      const finish = (settled: Settled): void => {
        if (done) return;
        done = true;
        signal?.removeEventListener('abort', onAbort);
        resolve(settled);
      };
      // Listen before the cell starts, so that this listener runs before those of the cell's pending awaits
      // (which forget them) and can tell where the cell was waiting.
      const onAbort = (): void => finish({ kind: 'interrupted', pending: this.runtime.pendingAwaits(signal!) });
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const cellFunction = (0, eval)(rewritten.code) as (scope: object, runtime: ScopeRuntime) => Promise<unknown>;
        cellFunction(this.scope, this.runtime).then(
          (value) => finish({ kind: 'ok', value }),
          (error: unknown) => finish({ kind: 'error', error }),
        );
      } catch (error) {
        finish({ kind: 'error', error });
      }
    });
  }

  private errorReply(error: unknown, cellId: number): ErrorReply {
    const reply = runtimeErrorReply(error, this.stackReading(), (id) => this.cells.get(id), cellId);
    const constant = /^Cannot assign to read only property '([^']+)' of object '(?:#<Object>|\[object Object\])'$/.exec(
      reply.evalue,
    );
    if (constant && this.isConstant(constant[1])) {
      reply.evalue = `Assignment to constant variable '${constant[1]}'.`;
      reply.traceback[0] = `${reply.ename}: ${reply.evalue}`;
    }
    return reply;
  }

  private interruptReply(pending: readonly { line: number; cell?: number }[], cellId: number): ErrorReply {
    const traceback = ['KeyboardInterrupt: execution interrupted'];
    // Inner awaits register first (the awaited call runs before its await), so this is innermost first.
    for (const { line, cell } of pending) {
      traceback.push(frameLine({ cell: cell ?? cellId, line }, (id) => this.cells.get(id), cellId));
    }
    return { ename: 'KeyboardInterrupt', evalue: 'execution interrupted', traceback };
  }

  private errorOutcome(reply: ErrorReply): ExecutionOutcome {
    return { status: 'error', ...reply };
  }

  private stackReading(): { location: RegExp; generatedNames: string[] } {
    return { location: SOURCE_URL_PATTERN, generatedNames: [...this.generatedNames] };
  }

  private isConstant(name: string): boolean {
    const descriptor = Object.getOwnPropertyDescriptor(this.scope, name);
    return descriptor !== undefined && descriptor.writable === false;
  }

  private remember(cellId: number, record: CellRecord): void {
    this.cells.set(cellId, record);
    if (this.cells.size > this.cellHistory) this.cells.delete(this.cells.keys().next().value!);
  }
}
