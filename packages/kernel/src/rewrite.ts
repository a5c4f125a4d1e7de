import { parse, type Node as AcornNode } from 'acorn';
import { SourceEdits } from './edits.js';
import { CellSyntaxError, toCellSyntaxError } from './errors.js';

/**
 * What the code produced by {@link rewriteCell} calls on its runtime argument. The executor supplies the
 * implementation; the rewriter only promises to call these.
 */
export interface CellRuntime {
  /** Before the cell runs: makes each name a writable property of the scope (lifting an earlier `const`). */
  prepare(names: readonly string[]): void;
  /** After a `const` or `import` declaration ran: makes its names read-only, as a constant binding is. */
  lock(names: readonly string[]): void;
  /** Gives an anonymous function or class the name of the variable it is assigned to, as JavaScript does. */
  named<T>(name: string, value: T): T;
  /**
   * Wraps the operand of every `await` in the cell, so that an interrupt rejects a pending await; `line` and
   * `cell` (the {@link RewriteOptions.cellId}) say where it stands.
   */
  wait(value: unknown, line: number, cell?: number): unknown;
}

/** Options for {@link rewriteCell}. */
export interface RewriteOptions {
  /** Names already in the persistent scope (earlier cells' declarations and the kernel's globals). */
  knownNames?: Iterable<string>;
  /** Name the engine shows for this cell's code in stack traces (`//# sourceURL=`). */
  sourceURL?: string;
  /** An id for the cell, passed on to {@link CellRuntime.wait}. */
  cellId?: number;
}

/** A cell rewritten into a function over a persistent scope. */
export interface RewrittenCell {
  /**
   * JavaScript source of one expression: an async function taking (scope, runtime) that runs the cell and
   * resolves to `[value]` when the cell ends with an expression statement, otherwise to undefined.
   * Line N of the cell is line N + {@link lineOffset} of this source.
   */
  code: string;
  /** Lines that precede the cell's first line in {@link code} (0: the header shares the first line). */
  lineOffset: number;
  /** Names the cell declares at its top level, now properties of the scope. */
  declaredNames: string[];
  /** Whether the cell ends with an expression statement whose value is its result. */
  hasResult: boolean;
  /** Identifier of the scope parameter in {@link code} (to strip from engine error messages). */
  scopeName: string;
  /** Identifier of the wrapping function in {@link code} (to recognise its frames in stack traces). */
  functionName: string;
}

/** Acorn's parser options for a cell: a module (strict) with top-level await. */
export const CELL_PARSE_OPTIONS = {
  ecmaVersion: 'latest',
  sourceType: 'module',
  allowAwaitOutsideFunction: true,
  locations: true,
} as const;

/**
 * Rewrites a JavaScript cell (types already stripped) so that its top-level declarations persist across
 * cells and top-level `await` works:
 *
 * - every reference to a persistent name (declared at the cell's top level, or in `knownNames`) that is
 *   not shadowed by a local binding becomes a property access on the scope object, so functions defined
 *   in one cell see later cells' values;
 * - `const`/`let`/`var` declarations (destructuring included) become assignments to the scope (`const`
 *   names are then made read-only; a later cell may declare them again, as in a notebook); `var`s nested
 *   in top-level blocks and loops too; `function` declarations are hoisted onto the scope; `class`
 *   declarations become class expressions assigned to it; `import` declarations and `import()` expressions load through the runtime's `import`;
 * - a final expression statement's value is returned as the cell's result;
 * - the whole is wrapped in an async function, `"use strict"` (cells parse as modules), with every cell line
 *   keeping its line number.
 *
 * No `with` statement is used. Semantics given up: the temporal dead zone of `let`/`const`/`class`.
 *
 * @throws {CellSyntaxError} when the cell does not parse, or uses `export` other than on a declaration
 */
export function rewriteCell(source: string, options: RewriteOptions = {}): RewrittenCell {
  let program: AnyNode;
  try {
    program = parse(source, CELL_PARSE_OPTIONS) as unknown as AnyNode;
  } catch (error) {
    throw toCellSyntaxError(error, source) ?? error;
  }
  return new CellRewriter(source, options).rewrite(program);
}

/** An ESTree node as acorn produces it, read generically. */
type AnyNode = AcornNode & { [key: string]: unknown };

/** A lexical scope inside the cell; the cell's own top level is the root and holds no names. */
class Scope {
  readonly names = new Set<string>();
  constructor(readonly parent: Scope | undefined) {}
}

/** How a binding pattern is treated: local binding, assignment target, or persistent declaration. */
type PatternMode = 'bind' | 'target' | 'persist';

const SKIPPED_KEYS = new Set(['type', 'start', 'end', 'loc', 'range']);

/** One rewrite of one cell; see {@link rewriteCell}. */
class CellRewriter {
  private readonly edits: SourceEdits;
  private readonly top = new Scope(undefined);
  private readonly persistent: Set<string>;
  private readonly declared: string[] = [];
  private readonly hoistedFunctions: string[] = [];
  private readonly scopeName: string;
  private readonly runtimeName: string;
  private readonly functionName: string;
  private functionDepth = 0;

  constructor(
    private readonly source: string,
    private readonly options: RewriteOptions,
  ) {
    this.edits = new SourceEdits(source);
    this.persistent = new Set(options.knownNames ?? []);
    this.scopeName = uniqueName(SCOPE_NAME, source);
    this.runtimeName = uniqueName('__kernel', source);
    this.functionName = uniqueName('__cell', source);
  }

  rewrite(program: AnyNode): RewrittenCell {
    if (this.source.startsWith('#!')) {
      // A hashbang is only allowed at the very start of a script, which the cell no longer is.
      const end = this.source.indexOf('\n');
      this.edits.replace(0, end < 0 ? this.source.length : end, '');
    }
    const body = nodes(program.body);
    for (const statement of body) this.collectTopLevel(statement);
    const vars: string[] = [];
    collectVarNames(body, vars);
    for (const name of vars) this.declare(name);
    for (const name of this.declared) this.persistent.add(name);

    body.forEach((statement, index) => this.topStatement(statement, index === body.length - 1));
    const last = body[body.length - 1];
    const hasResult = last?.type === 'ExpressionStatement';

    const S = this.scopeName;
    const prologue =
      `"use strict";${this.runtimeName}.prepare(${JSON.stringify(this.declared)});` +
      this.hoistedFunctions.map((name) => `${S}.${name} = ${name};`).join('');
    const header = `(async function ${this.functionName}(${S}, ${this.runtimeName}) {${prologue}`;
    const footer = '\n})' + (this.options.sourceURL ? `\n//# sourceURL=${this.options.sourceURL}` : '');
    return {
      code: header + this.edits.apply() + footer,
      lineOffset: 0,
      declaredNames: [...this.declared],
      hasResult,
      scopeName: S,
      functionName: this.functionName,
    };
  }

  // ---- top level -------------------------------------------------------------------------------------

  private declare(name: string): void {
    if (!this.declared.includes(name)) this.declared.push(name);
  }

  private collectTopLevel(statement: AnyNode): void {
    const declaration = statement.type === 'ExportNamedDeclaration' ? node(statement.declaration) : statement;
    if (!declaration) return;
    switch (declaration.type) {
      case 'VariableDeclaration': {
        const names: string[] = [];
        for (const declarator of nodes(declaration.declarations)) patternNames(node(declarator.id), names);
        names.forEach((name) => this.declare(name));
        return;
      }
      case 'FunctionDeclaration':
      case 'ClassDeclaration':
        this.declare(identifierName(declaration.id));
        return;
      case 'ImportDeclaration':
        for (const specifier of nodes(declaration.specifiers)) this.declare(identifierName(specifier.local));
        return;
    }
  }

  private topStatement(statement: AnyNode, isLast: boolean): void {
    const S = this.scopeName;
    switch (statement.type) {
      case 'ImportDeclaration':
        this.importDeclaration(statement);
        return;
      case 'ExportNamedDeclaration': {
        const declaration = node(statement.declaration);
        if (!declaration) throw this.unsupported(statement, "'export { … }' is not supported in a notebook cell");
        this.edits.replace(statement.start, declaration.start, '');
        this.topStatement(declaration, false);
        return;
      }
      case 'ExportDefaultDeclaration':
      case 'ExportAllDeclaration':
        throw this.unsupported(statement, "'export' is not supported in a notebook cell; declare the name instead");
      case 'VariableDeclaration':
        if (statement.kind !== 'var' && statement.kind !== 'let' && statement.kind !== 'const') {
          throw this.unsupported(statement, `top-level '${String(statement.kind)}' declarations are not supported`);
        }
        this.persistentDeclaration(statement, 'statement', true);
        return;
      case 'FunctionDeclaration':
        this.hoistedFunctions.push(identifierName(statement.id));
        this.fn(statement, this.top);
        return;
      case 'ClassDeclaration':
        this.edits.insert(statement.start, `;${S}.${identifierName(statement.id)} = `);
        this.cls(statement, this.top);
        this.edits.insert(statement.end, ';');
        return;
      case 'ExpressionStatement':
        if (isLast) {
          const contentEnd = this.source[statement.end - 1] === ';' ? statement.end - 1 : statement.end;
          // An array, not `{ value: … }`, which would name an anonymous function result `value`.
          this.edits.insert(statement.start, ';return [(');
          this.visit(node(statement.expression), this.top);
          this.edits.insert(contentEnd, ')]');
          return;
        }
    }
    this.visit(statement, this.top, true);
  }

  private importDeclaration(statement: AnyNode): void {
    const S = this.scopeName;
    const moduleName = `${S}_module`;
    const sourceNode = node(statement.source)!;
    const attributes = nodes(statement.attributes);
    const withClause = attributes.length
      ? `, { with: { ${attributes.map((a) => `${this.text(node(a.key)!)}: ${this.text(node(a.value)!)}`).join(', ')} } }`
      : '';
    const line = statement.loc!.start.line;
    const load = `await ${this.runtimeName}.wait(${this.runtimeName}.import(${this.text(sourceNode)}${withClause}), ${this.where(line)})`;
    const names: string[] = [];
    const assignments: string[] = [];
    for (const specifier of nodes(statement.specifiers)) {
      const local = identifierName(specifier.local);
      names.push(local);
      if (specifier.type === 'ImportNamespaceSpecifier') {
        assignments.push(`${S}.${local} = ${moduleName};`);
      } else if (specifier.type === 'ImportDefaultSpecifier') {
        assignments.push(`${S}.${local} = ${moduleName}.default;`);
      } else {
        const imported = node(specifier.imported)!;
        const key = imported.type === 'Identifier' ? String(imported.name) : String(imported.value);
        assignments.push(`${S}.${local} = ${moduleName}[${JSON.stringify(key)}];`);
      }
    }
    const text = names.length
      ? `;{ const ${moduleName} = ${load}; ${assignments.join(' ')} ${this.runtimeName}.lock(${JSON.stringify(names)}); }`
      : `;${load};`;
    this.edits.replace(statement.start, statement.end, text);
  }

  /**
   * Turns a `var`/`let`/`const` declaration whose names persist into assignments to the scope.
   * `context` is where it stands: a statement (`inList`: directly in a statement list), a `for (…;…;…)`
   * initialiser, or the left side of `for … in/of`.
   */
  private persistentDeclaration(
    declaration: AnyNode,
    context: 'statement' | 'for-init' | 'for-left',
    inList: boolean,
  ): void {
    const declarators = nodes(declaration.declarations);
    const prefix = context === 'statement' ? (inList ? ';(' : '(') : '';
    this.edits.replace(declaration.start, declarators[0].start, prefix);
    const names: string[] = [];
    for (const declarator of declarators) {
      const id = node(declarator.id)!;
      const init = node(declarator.init);
      patternNames(id, names);
      if (!init && context !== 'for-left') {
        if (declaration.kind === 'var') {
          this.edits.replace(id.start, id.end, 'void 0');
        } else {
          this.pattern(id, 'persist', this.top);
          this.edits.insert(id.end, ' = undefined');
        }
        continue;
      }
      this.pattern(id, 'persist', this.top);
      if (init) this.initializer(init, id.type === 'Identifier' ? String(id.name) : undefined, this.top);
    }
    if (context === 'statement') {
      this.edits.insert(declarators[declarators.length - 1].end, ')');
      if (declaration.kind === 'const') {
        this.edits.insert(declaration.end, `;${this.runtimeName}.lock(${JSON.stringify(names)});`);
      }
    }
  }

  /** Visits an initialiser, naming it after `name` if it is an anonymous function or class. */
  private initializer(init: AnyNode, name: string | undefined, scope: Scope): void {
    if (name === undefined || !isAnonymousFunctionDefinition(init)) {
      this.visit(init, scope);
      return;
    }
    this.edits.insert(init.start, `${this.runtimeName}.named(${JSON.stringify(name)}, `);
    this.visit(init, scope);
    this.edits.insert(init.end, ')');
  }

  // ---- everything below the top level ---------------------------------------------------------------

  private visit(target: AnyNode | undefined, scope: Scope, inList = false): void {
    if (!target) return;
    switch (target.type) {
      case 'Identifier':
        this.reference(target, scope);
        return;
      case 'Literal':
      case 'TemplateElement':
      case 'ThisExpression':
      case 'Super':
      case 'PrivateIdentifier':
      case 'MetaProperty':
      case 'BreakStatement':
      case 'ContinueStatement':
      case 'EmptyStatement':
      case 'DebuggerStatement':
        return;
      case 'VariableDeclaration':
        if (target.kind === 'var' && this.functionDepth === 0) {
          this.persistentDeclaration(target, 'statement', inList);
        } else {
          this.localDeclaration(target, scope);
        }
        return;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        this.fn(target, scope);
        return;
      case 'ClassDeclaration':
      case 'ClassExpression':
        this.cls(target, scope);
        return;
      case 'BlockStatement':
        this.statements(nodes(target.body), new Scope(scope));
        return;
      case 'StaticBlock':
        this.functionBody(nodes(target.body), new Scope(scope));
        return;
      case 'ForStatement':
        this.forStatement(target, scope);
        return;
      case 'ForInStatement':
      case 'ForOfStatement':
        this.forInOf(target, scope);
        return;
      case 'CatchClause': {
        const inner = new Scope(scope);
        const param = node(target.param);
        if (param) {
          patternNames(param, inner.names);
          this.pattern(param, 'bind', inner);
        }
        this.visit(node(target.body), inner);
        return;
      }
      case 'SwitchStatement': {
        this.visit(node(target.discriminant), scope);
        const inner = new Scope(scope);
        const cases = nodes(target.cases);
        for (const c of cases) lexicalNames(nodes(c.consequent), inner.names);
        for (const c of cases) {
          this.visit(node(c.test), inner);
          for (const statement of nodes(c.consequent)) this.visit(statement, inner, true);
        }
        return;
      }
      case 'LabeledStatement':
        this.visit(node(target.body), scope);
        return;
      case 'MemberExpression':
        this.visit(node(target.object), scope);
        if (target.computed) this.visit(node(target.property), scope);
        return;
      case 'Property': {
        if (target.computed) this.visit(node(target.key), scope);
        const value = node(target.value)!;
        if (target.shorthand && value.type === 'Identifier') this.reference(value, scope, String(value.name));
        else this.visit(value, scope);
        return;
      }
      case 'MethodDefinition':
      case 'PropertyDefinition':
        if (target.computed) this.visit(node(target.key), scope);
        this.visit(node(target.value), scope);
        return;
      case 'AssignmentExpression': {
        const left = node(target.left)!;
        this.pattern(left, 'target', scope);
        const name =
          target.operator === '=' &&
          left.type === 'Identifier' &&
          this.resolve(String(left.name), scope) === 'persistent'
            ? String(left.name)
            : undefined;
        this.initializer(node(target.right)!, name, scope);
        return;
      }
      case 'ImportExpression': {
        const specifier = node(target.source)!;
        this.edits.replace(target.start, specifier.start, `${this.runtimeName}.import(`);
        this.visit(specifier, scope);
        this.visit(node(target.options), scope);
        return;
      }
      case 'AwaitExpression': {
        const argument = node(target.argument)!;
        this.edits.insert(argument.start, `${this.runtimeName}.wait((`);
        this.visit(argument, scope);
        this.edits.insert(argument.end, `), ${this.where(target.loc!.start.line)})`);
        return;
      }
      case 'ObjectPattern':
      case 'ArrayPattern':
      case 'AssignmentPattern':
      case 'RestElement':
        this.pattern(target, 'target', scope);
        return;
    }
    for (const child of children(target)) this.visit(child, scope);
  }

  /** A reference to `id.name`: rewritten to a scope property when it resolves to a persistent name. */
  private reference(id: AnyNode, scope: Scope, shorthandKey?: string): void {
    const name = String(id.name);
    if (this.resolve(name, scope) !== 'persistent') return;
    this.replaceWithScopeProperty(id, shorthandKey);
  }

  private replaceWithScopeProperty(id: AnyNode, shorthandKey?: string): void {
    const property = `${this.scopeName}.${String(id.name)}`;
    this.edits.replace(id.start, id.end, shorthandKey === undefined ? property : `${shorthandKey}: ${property}`);
  }

  private resolve(name: string, scope: Scope): 'local' | 'persistent' | 'free' {
    for (let s: Scope | undefined = scope; s && s !== this.top; s = s.parent) {
      if (s.names.has(name)) return 'local';
    }
    return this.persistent.has(name) ? 'persistent' : 'free';
  }

  /** Visits a binding or assignment pattern; `shorthandKey` is set for `{ a }` / `{ a = 1 }` properties. */
  private pattern(target: AnyNode, mode: PatternMode, scope: Scope, shorthandKey?: string): void {
    switch (target.type) {
      case 'Identifier':
        if (mode === 'persist') this.replaceWithScopeProperty(target, shorthandKey);
        else if (mode === 'target') this.reference(target, scope, shorthandKey);
        return;
      case 'ObjectPattern':
        for (const property of nodes(target.properties)) {
          if (property.type === 'RestElement') {
            this.pattern(node(property.argument)!, mode, scope);
            continue;
          }
          const key = node(property.key)!;
          if (property.computed) this.visit(key, scope);
          this.pattern(node(property.value)!, mode, scope, property.shorthand ? String(key.name) : undefined);
        }
        return;
      case 'ArrayPattern':
        for (const element of nodes(target.elements)) this.pattern(element, mode, scope);
        return;
      case 'RestElement':
        this.pattern(node(target.argument)!, mode, scope);
        return;
      case 'AssignmentPattern': {
        const left = node(target.left)!;
        this.pattern(left, mode, scope, shorthandKey);
        const renamed =
          left.type === 'Identifier' &&
          (mode === 'persist' || (mode === 'target' && this.resolve(String(left.name), scope) === 'persistent'));
        this.initializer(node(target.right)!, renamed ? String(left.name) : undefined, scope);
        return;
      }
      default:
        this.visit(target, scope);
    }
  }

  /** A `let`/`const`/`var` whose names are local (their scope was filled by hoisting). */
  private localDeclaration(declaration: AnyNode, scope: Scope): void {
    for (const declarator of nodes(declaration.declarations)) {
      this.pattern(node(declarator.id)!, 'bind', scope);
      this.visit(node(declarator.init), scope);
    }
  }

  private fn(target: AnyNode, scope: Scope): void {
    const inner = new Scope(scope);
    const id = node(target.id);
    if (id && target.type !== 'FunctionDeclaration') inner.names.add(String(id.name));
    const params = nodes(target.params);
    for (const param of params) patternNames(param, inner.names);
    this.functionDepth++;
    for (const param of params) this.pattern(param, 'bind', inner);
    const body = node(target.body)!;
    if (body.type === 'BlockStatement') this.functionBody(nodes(body.body), inner);
    else this.visit(body, inner);
    this.functionDepth--;
  }

  private functionBody(statements: AnyNode[], scope: Scope): void {
    collectVarNames(statements, scope.names);
    this.functionDepth++;
    this.statements(statements, scope);
    this.functionDepth--;
  }

  private statements(statements: AnyNode[], scope: Scope): void {
    lexicalNames(statements, scope.names);
    for (const statement of statements) this.visit(statement, scope, true);
  }

  private cls(target: AnyNode, scope: Scope): void {
    this.visit(node(target.superClass), scope);
    const inner = new Scope(scope);
    const id = node(target.id);
    if (id) inner.names.add(String(id.name));
    this.visit(node(target.body), inner);
  }

  private forStatement(target: AnyNode, scope: Scope): void {
    const inner = new Scope(scope);
    const init = node(target.init);
    if (init?.type === 'VariableDeclaration' && init.kind === 'var' && this.functionDepth === 0) {
      this.persistentDeclaration(init, 'for-init', false);
    } else if (init?.type === 'VariableDeclaration') {
      if (init.kind !== 'var') for (const d of nodes(init.declarations)) patternNames(node(d.id), inner.names);
      this.localDeclaration(init, inner);
    } else {
      this.visit(init, inner);
    }
    this.visit(node(target.test), inner);
    this.visit(node(target.update), inner);
    this.visit(node(target.body), inner);
  }

  private forInOf(target: AnyNode, scope: Scope): void {
    const inner = new Scope(scope);
    const left = node(target.left)!;
    if (left.type === 'VariableDeclaration' && left.kind === 'var' && this.functionDepth === 0) {
      this.persistentDeclaration(left, 'for-left', false);
    } else if (left.type === 'VariableDeclaration') {
      if (left.kind !== 'var') for (const d of nodes(left.declarations)) patternNames(node(d.id), inner.names);
      this.localDeclaration(left, inner);
    } else {
      this.pattern(left, 'target', scope);
    }
    this.visit(node(target.right), inner);
    this.visit(node(target.body), inner);
  }

  /** The `line[, cell]` arguments of a runtime call made from `line`. */
  private where(line: number): string {
    return this.options.cellId === undefined ? String(line) : `${line}, ${this.options.cellId}`;
  }

  private text(target: AnyNode): string {
    return this.source.slice(target.start, target.end);
  }

  private unsupported(target: AnyNode, reason: string): CellSyntaxError {
    const { line, column } = target.loc!.start;
    return new CellSyntaxError(reason, line, column);
  }
}

// ---- AST helpers -----------------------------------------------------------------------------------

function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function node(value: unknown): AnyNode | undefined {
  return isNode(value) ? value : undefined;
}

function nodes(value: unknown): AnyNode[] {
  return Array.isArray(value) ? value.filter(isNode) : [];
}

function children(target: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  for (const key of Object.keys(target)) {
    if (SKIPPED_KEYS.has(key)) continue;
    const value = target[key];
    if (Array.isArray(value)) out.push(...value.filter(isNode));
    else if (isNode(value)) out.push(value);
  }
  return out;
}

function identifierName(value: unknown): string {
  return String(node(value)?.name);
}

/** Adds the names a binding pattern declares to `out`. */
function patternNames(target: AnyNode | undefined, out: { push(name: string): unknown } | Set<string>): void {
  if (!target) return;
  const add = (name: string): void => {
    if (out instanceof Set) out.add(name);
    else out.push(name);
  };
  switch (target.type) {
    case 'Identifier':
      add(String(target.name));
      return;
    case 'ObjectPattern':
      for (const property of nodes(target.properties)) {
        patternNames(node(property.type === 'RestElement' ? property.argument : property.value), out);
      }
      return;
    case 'ArrayPattern':
      for (const element of nodes(target.elements)) patternNames(element, out);
      return;
    case 'RestElement':
      patternNames(node(target.argument), out);
      return;
    case 'AssignmentPattern':
      patternNames(node(target.left), out);
  }
}

/** Adds the block-scoped names (`let`, `const`, `class`, and `function` in strict code) of a statement list. */
function lexicalNames(statements: AnyNode[], out: Set<string>): void {
  for (const statement of statements) {
    if (statement.type === 'VariableDeclaration' && statement.kind !== 'var') {
      for (const declarator of nodes(statement.declarations)) patternNames(node(declarator.id), out);
    } else if (statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') {
      out.add(identifierName(statement.id));
    }
  }
}

/** Adds the `var` names declared in a statement list, through nested blocks but not nested functions. */
function collectVarNames(statements: AnyNode[], out: string[] | Set<string>): void {
  for (const statement of statements) varNamesIn(statement, out);
}

function varNamesIn(statement: AnyNode | undefined, out: string[] | Set<string>): void {
  if (!statement) return;
  switch (statement.type) {
    case 'VariableDeclaration':
      if (statement.kind === 'var') {
        for (const declarator of nodes(statement.declarations)) patternNames(node(declarator.id), out);
      }
      return;
    case 'BlockStatement':
      collectVarNames(nodes(statement.body), out);
      return;
    case 'IfStatement':
      varNamesIn(node(statement.consequent), out);
      varNamesIn(node(statement.alternate), out);
      return;
    case 'ForStatement':
      varNamesIn(node(statement.init), out);
      varNamesIn(node(statement.body), out);
      return;
    case 'ForInStatement':
    case 'ForOfStatement':
      varNamesIn(node(statement.left), out);
      varNamesIn(node(statement.body), out);
      return;
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'LabeledStatement':
      varNamesIn(node(statement.body), out);
      return;
    case 'TryStatement':
      varNamesIn(node(statement.block), out);
      varNamesIn(node(node(statement.handler)?.body), out);
      varNamesIn(node(statement.finalizer), out);
      return;
    case 'SwitchStatement':
      for (const c of nodes(statement.cases)) collectVarNames(nodes(c.consequent), out);
      return;
    case 'ExportNamedDeclaration':
      varNamesIn(node(statement.declaration), out);
  }
}

/** Whether JavaScript would name `init` after the variable it initialises (an anonymous function/class). */
function isAnonymousFunctionDefinition(init: AnyNode): boolean {
  return (
    init.type === 'ArrowFunctionExpression' ||
    ((init.type === 'FunctionExpression' || init.type === 'ClassExpression') && !init.id)
  );
}

/** `base`, lengthened until it does not occur anywhere in `source`, so generated names cannot clash. */
/** The base name of the object that holds a cell's persistent declarations (numbered when a cell uses it). */
const SCOPE_NAME = '__scope';

/**
 * The notebook variables that code from a rewritten cell reads (`__scope.rate` → `rate`): the names a
 * function's source takes from the notebook rather than from its own arguments.
 */
export function notebookNamesIn(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(new RegExp(`\\b${SCOPE_NAME}\\d*\\.([A-Za-z_$][\\w$]*)`, 'g')))
    names.add(match[1]!);
  return [...names];
}

function uniqueName(base: string, source: string): string {
  let name = base;
  for (let i = 1; source.includes(name); i++) name = `${base}${i}`;
  return name;
}
