import { codePointToOffset, cursorContext } from './cursor.js';
import { markdownToText, type DocEntry, type DocsProvider } from './docs.js';
import { formatValue } from './format.js';
import { resolvePath, type Scope } from './members.js';
import type { MimeData } from './mime.js';

/** A Jupyter inspect_reply content. */
export interface InspectReply {
  /** Always `'ok'`. */
  status: 'ok';
  /** Whether anything was found at the cursor. */
  found: boolean;
  /** `text/plain` and `text/markdown` documentation when found. */
  data: MimeData;
  /** Always empty. */
  metadata: Record<string, unknown>;
}

/** Options of {@link inspect}. */
export interface InspectOptions {
  /** 0: signature, docs and a short value; 1: also a function's source. */
  detailLevel?: number;
  /** Where names not in scope are looked up (default `globalThis`). */
  builtins?: object;
}

const NAME_AFTER = /^[\p{ID_Continue}$\u200c\u200d]*/u;

/**
 * Documentation of what is at a cursor (a code point offset, as Jupyter sends it): the name under or just
 * before the cursor with the dotted path before it (`twin.params.be|ta` → `twin.params.beta`); on a key or
 * string argument of a documented call (`twin.set({ beta: 2 })`), that argument name; with nothing under
 * the cursor inside a call's parentheses, the function called. Documentation from `docs` wins; otherwise
 * the live value in scope is described (its kind, signature, and formatted value).
 */
export function inspect(
  code: string,
  cursorPos: number,
  scope: Scope,
  docs?: DocsProvider,
  options: InspectOptions = {},
): InspectReply {
  const cursor = codePointToOffset(code, cursorPos);
  const end = cursor + NAME_AFTER.exec(code.slice(cursor))![0].length;
  const context = cursorContext(code, end);
  const argumentEntry = (name: string): DocEntry | undefined =>
    context.callee && docs?.argumentNames ? docs.argumentNames(context.callee).find((e) => e.name === name) : undefined;

  if (context.kind === 'comment') return notFound();
  if (context.kind === 'string') {
    const closing = code.slice(end).search(/['"`\n]/);
    const name = context.word + (closing >= 0 ? code.slice(end, end + closing) : '');
    const entry = argumentEntry(name);
    return entry ? fromEntry(entry) : notFound();
  }

  let path: string[] | undefined;
  if (context.word && !/^\d/.test(context.word)) {
    if (context.keyPosition) {
      const entry = argumentEntry(context.word);
      if (entry) return fromEntry(entry);
    }
    path = context.kind === 'member' ? (context.path ? [...context.path, context.word] : undefined) : [context.word];
  } else if (!context.word) {
    path = context.callee;
  }
  if (!path) return notFound();

  const entry = docs?.lookup(path);
  if (entry) return fromEntry(entry);
  const live = resolvePath(scope, path, options.builtins);
  return live.found ? fromValue(path.join('.'), live.value, options.detailLevel ?? 0) : notFound();
}

function notFound(): InspectReply {
  return { status: 'ok', found: false, data: {}, metadata: {} };
}

function fromEntry(entry: DocEntry): InspectReply {
  const markdown = entry.signature ? `\`${entry.signature}\`\n\n${entry.markdown}` : entry.markdown;
  const text = `${entry.signature ?? entry.name}\n\n${entry.text ?? markdownToText(entry.markdown)}`;
  return { status: 'ok', found: true, data: { 'text/plain': text, 'text/markdown': markdown }, metadata: {} };
}

function fromValue(name: string, value: unknown, detailLevel: number): InspectReply {
  const kind = describeKind(value);
  const lines = [`${name}: ${kind}`];
  const markdown = [`**\`${name}\`**: ${kind}`];
  if (typeof value === 'function') {
    const source = functionSource(value);
    const signature = signatureOf(name, source);
    lines.push(`signature: ${signature}`);
    markdown.push('', '```javascript', signature, '```');
    if (detailLevel > 0 && source) {
      lines.push('', source);
      markdown.push('', '```javascript', source, '```');
    }
  } else {
    const shown = formatValue(value, { depth: 1, maxArrayLength: 20 });
    lines.push(shown);
    markdown.push('', '```', shown, '```');
  }
  return {
    status: 'ok',
    found: true,
    data: { 'text/plain': lines.join('\n'), 'text/markdown': markdown.join('\n') },
    metadata: {},
  };
}

function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'function') {
    return functionSource(value).startsWith('class') ? 'class' : 'function';
  }
  if (typeof value !== 'object') return typeof value;
  if (Array.isArray(value)) return `Array(${value.length})`;
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return typeof name === 'string' && name ? name : 'object';
}

function functionSource(fn: unknown): string {
  try {
    return Function.prototype.toString.call(fn);
  } catch {
    return '';
  }
}

/** `name(a, b = 1)` from a function's source; `name(…)` when the parameter list cannot be read. */
function signatureOf(name: string, source: string): string {
  if (source.startsWith('class')) {
    const constructor = /constructor\s*\(([^)]*)\)/.exec(source);
    return `new ${name}(${constructor ? constructor[1].trim() : ''})`;
  }
  if (source.includes('[native code]')) return `${name}(…)`;
  const params =
    /^[^(=]*\(([^)]*)\)/.exec(source) ?? /^(?:async\s+)?([\p{ID_Start}$_][\p{ID_Continue}$]*)\s*=>/u.exec(source);
  return params ? `${name}(${params[1].replace(/\s+/g, ' ').trim()})` : `${name}(…)`;
}
