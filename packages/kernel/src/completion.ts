import { codePointToOffset, cursorContext, offsetToCodePoint } from './cursor.js';
import type { DocEntry, DocsProvider } from './docs.js';
import { memberNames, resolvePath, scopeNames, typeOfValue, type Scope } from './members.js';

/** One completion with its kind, as JupyterLab's completer reads `_jupyter_types_experimental`. */
export interface CompletionItem {
  /** Code point offset where the replaced text starts. */
  start: number;
  /** Code point offset where the replaced text ends. */
  end: number;
  /** The completion. */
  text: string;
  /** Its kind: `'function'`, `'class'`, `'instance'`, `'property'`, `'param'`, `'keyword'`… */
  type: string;
  /** A signature, when documented. */
  signature?: string;
}

/** A Jupyter complete_reply content. */
export interface CompleteReply {
  /** Always `'ok'`. */
  status: 'ok';
  /** The completions, best first. */
  matches: string[];
  /** Code point offset where the text the matches replace starts. */
  cursor_start: number;
  /** Code point offset where it ends (the cursor). */
  cursor_end: number;
  /** Kinds and signatures of the matches. */
  metadata: { _jupyter_types_experimental: CompletionItem[] };
}

/** Options of {@link complete}. */
export interface CompleteOptions {
  /** Where names not in scope are looked up (default `globalThis`: `Math`, `JSON`, …). */
  builtins?: object;
}

/** JavaScript keywords offered at the start of a name. */
export const KEYWORDS = [
  'async',
  'await',
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'let',
  'new',
  'null',
  'of',
  'return',
  'static',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'undefined',
  'var',
  'void',
  'while',
  'yield',
];

interface Candidate {
  name: string;
  type: string;
  signature?: string;
}

/**
 * Completion at a cursor (a code point offset, as Jupyter sends it), over the live scope and the docs:
 *
 * - after `a.b.`: the members of the live value of `a.b` (walking the scope, then builtins), plus the
 *   documented members of `['a', 'b']`;
 * - on a bare name: the scope's names (cells' declarations, then globals), documented top-level names,
 *   keywords and builtins; on an object key inside a call's arguments, the call's documented argument
 *   names come first (`twin.set({ be|` → `beta`);
 * - inside a string argument of a call: the call's documented argument names;
 * - in a comment: nothing.
 *
 * Matches start with the typed prefix (case-sensitively; case-insensitively when nothing else matches).
 */
export function complete(
  code: string,
  cursorPos: number,
  scope: Scope,
  docs?: DocsProvider,
  options: CompleteOptions = {},
): CompleteReply {
  const offset = codePointToOffset(code, cursorPos);
  const context = cursorContext(code, offset);
  const groups: Candidate[][] = [];
  const documented = (entries: readonly DocEntry[] | undefined): Candidate[] =>
    (entries ?? []).map((e) => ({ name: e.name, type: e.type ?? 'property', signature: e.signature }));
  const argumentNames = (): Candidate[] =>
    context.callee && docs?.argumentNames ? documented(docs.argumentNames(context.callee)) : [];

  switch (context.kind) {
    case 'comment':
      break;
    case 'string':
      groups.push(argumentNames());
      break;
    case 'member': {
      if (!context.path) break;
      const live = resolvePath(scope, context.path, options.builtins);
      groups.push(live.found ? memberNames(live.value) : []);
      groups.push(documented(docs?.members(context.path)));
      break;
    }
    case 'code': {
      if (/^\d/.test(context.word)) break;
      if (context.keyPosition) groups.push(argumentNames());
      groups.push(scopeNames(scope).map((name) => ({ name, type: typeOfValue(scope[name]) })));
      groups.push(documented(docs?.members([])));
      groups.push(KEYWORDS.map((name) => ({ name, type: 'keyword' })));
      groups.push(builtinNames(options.builtins ?? globalThis));
      break;
    }
  }

  const candidates = pick(groups, context.word);
  const start = offsetToCodePoint(code, context.wordStart);
  const end = offsetToCodePoint(code, offset);
  return {
    status: 'ok',
    matches: candidates.map((c) => c.name),
    cursor_start: start,
    cursor_end: end,
    metadata: {
      _jupyter_types_experimental: candidates.map((c) => ({
        start,
        end,
        text: c.name,
        type: c.type,
        ...(c.signature ? { signature: c.signature } : {}),
      })),
    },
  };
}

/** The candidates starting with `prefix`, deduplicated, group by group, each group sorted. */
function pick(groups: Candidate[][], prefix: string): Candidate[] {
  const select = (test: (name: string) => boolean): Candidate[] => {
    const seen = new Set<string>();
    const out: Candidate[] = [];
    for (const group of groups) {
      const matching = group.filter((c) => test(c.name) && !seen.has(c.name));
      matching.sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const c of matching) {
        if (seen.has(c.name)) continue;
        seen.add(c.name);
        out.push(c);
      }
    }
    return out;
  };
  const exact = select((name) => name.startsWith(prefix));
  if (exact.length || !prefix) return exact;
  const lower = prefix.toLowerCase();
  return select((name) => name.toLowerCase().startsWith(lower));
}

/** Private-looking names (`_x`, `__x`) sort after the others. */
function rank(name: string): number {
  return name.startsWith('_') ? 1 : 0;
}

function builtinNames(builtins: object): Candidate[] {
  let names: string[];
  try {
    names = Object.getOwnPropertyNames(builtins);
  } catch {
    return [];
  }
  return names
    .filter((name) => /^[A-Za-z_$][\w$]*$/.test(name))
    .map((name) => {
      const descriptor = Object.getOwnPropertyDescriptor(builtins, name);
      return { name, type: descriptor && 'value' in descriptor ? typeOfValue(descriptor.value) : 'property' };
    });
}
