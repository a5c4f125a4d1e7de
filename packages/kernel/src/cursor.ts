/** Where a cursor stands in a cell, as completion and inspection need to know. */
export interface CursorContext {
  /**
   * `'code'`: on a name or nothing; `'member'`: on a name after `.`; `'string'`: inside a string literal;
   * `'comment'`: inside a comment.
   */
  kind: 'code' | 'member' | 'string' | 'comment';
  /** The partial name (or string text) before the cursor. */
  word: string;
  /** UTF-16 offset where {@link word} starts. */
  wordStart: number;
  /** For `'member'`: the dotted names before the `.` (`a.b.c|` → `['a', 'b']`); absent if not simple names. */
  path?: string[];
  /**
   * The dotted name of the innermost call whose argument list holds the cursor, through array and
   * object brackets (`twin.set({ be|` → `['twin', 'set']`).
   */
  callee?: string[];
  /** The cursor is on a key of an object literal (after `{` or `,`). */
  keyPosition: boolean;
  /** Brackets open at the cursor, `${` of template literals included. */
  depth: number;
}

interface Bracket {
  open: '(' | '[' | '{' | '${';
  callee?: string[];
}

const NAME_CHAR = /[\p{ID_Continue}$\u200c\u200d]/u;
const TRAILING_NAME = /[\p{ID_Continue}$\u200c\u200d]*$/u;
const DOTTED =
  /(?:[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*\s*\??\.\s*)*[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*\s*$/u;
/** After these characters (and at the start), a `/` begins a regular expression rather than a division. */
const REGEX_AFTER = new Set([
  '',
  '(',
  ',',
  '=',
  ':',
  '[',
  '!',
  '&',
  '|',
  '?',
  '{',
  '}',
  ';',
  '+',
  '-',
  '*',
  '%',
  '<',
  '>',
  '~',
  '^',
]);

/** The UTF-16 offset of code point `cursorPos` in `text` (Jupyter counts cursors in code points). */
export function codePointToOffset(text: string, cursorPos: number): number {
  let offset = 0;
  for (let cp = 0; cp < cursorPos && offset < text.length; cp++) {
    const code = text.charCodeAt(offset);
    offset += code >= 0xd800 && code <= 0xdbff && offset + 1 < text.length ? 2 : 1;
  }
  return Math.min(offset, text.length);
}

/** The code point index of UTF-16 offset `offset` in `text`. */
export function offsetToCodePoint(text: string, offset: number): number {
  let cp = 0;
  for (let i = 0; i < offset && i < text.length; cp++) {
    const code = text.charCodeAt(i);
    i += code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
  }
  return cp;
}

/**
 * The dotted names ending at `end` (`foo.bar.baz` before a `(` or `.`), or undefined when what precedes is
 * not a chain of plain names (a call, an index, a literal).
 */
export function dottedPathBefore(text: string, end: number): string[] | undefined {
  const head = text.slice(0, end);
  const match = DOTTED.exec(head);
  if (!match) return undefined;
  const before = head.slice(0, match.index);
  if (NAME_CHAR.test(before.slice(-1)) || before.trimEnd().endsWith('.')) return undefined;
  return match[0]
    .trim()
    .split(/\s*\??\.\s*/)
    .filter(Boolean);
}

/**
 * Scans `code` up to the UTF-16 `offset` with a small JavaScript lexer (strings, template literals,
 * comments, regular expressions, brackets) and says where the cursor stands. It needs no parse, so it works
 * on the incomplete code a user is typing, TypeScript included.
 */
export function cursorContext(code: string, offset: number): CursorContext {
  const text = code.slice(0, offset);
  const stack: Bracket[] = [];
  let mode: 'code' | 'line-comment' | 'block-comment' | 'string' | 'template' = 'code';
  let quote = '';
  let stringStart = 0;
  let last = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1] ?? '';
    switch (mode) {
      case 'line-comment':
        if (c === '\n') mode = 'code';
        continue;
      case 'block-comment':
        if (c === '*' && next === '/') {
          mode = 'code';
          i++;
        }
        continue;
      case 'string':
        if (c === '\\') i++;
        else if (c === quote || c === '\n') {
          mode = 'code';
          last = 'a';
        }
        continue;
      case 'template':
        if (c === '\\') i++;
        else if (c === '`') {
          mode = 'code';
          last = 'a';
        } else if (c === '$' && next === '{') {
          stack.push({ open: '${' });
          mode = 'code';
          last = '{';
          i++;
        }
        continue;
    }
    if (c === '/' && next === '/') {
      mode = 'line-comment';
      i++;
    } else if (c === '/' && next === '*') {
      mode = 'block-comment';
      i++;
    } else if (c === "'" || c === '"') {
      mode = 'string';
      quote = c;
      stringStart = i;
    } else if (c === '`') {
      mode = 'template';
      stringStart = i;
    } else if (c === '/' && REGEX_AFTER.has(last)) {
      i = skipRegex(text, i);
      last = 'a';
    } else if (c === '(' || c === '[' || c === '{') {
      stack.push({ open: c, callee: c === '(' ? dottedPathBefore(text, i) : undefined });
      last = c;
    } else if (c === ')' || c === ']' || c === '}') {
      const top = stack.pop();
      if (c === '}' && top?.open === '${') mode = 'template';
      last = c;
    } else if (!/\s/.test(c)) {
      last = NAME_CHAR.test(c) ? 'a' : c;
    }
  }

  const depth = stack.length;
  const callee = enclosingCallee(stack);
  if (mode === 'line-comment' || mode === 'block-comment') {
    return { kind: 'comment', word: '', wordStart: offset, keyPosition: false, depth };
  }
  if (mode === 'string' || mode === 'template') {
    const wordStart = stringStart + 1;
    return { kind: 'string', word: text.slice(wordStart), wordStart, callee, keyPosition: false, depth };
  }
  const word = TRAILING_NAME.exec(text)![0];
  const wordStart = offset - word.length;
  const before = text.slice(0, wordStart);
  if (before.endsWith('.') && !before.endsWith('..')) {
    const dotAt = before.endsWith('?.') ? wordStart - 2 : wordStart - 1;
    return { kind: 'member', word, wordStart, path: dottedPathBefore(text, dotAt), callee, keyPosition: false, depth };
  }
  const previous = before.trimEnd().slice(-1);
  const top = stack[stack.length - 1];
  const keyPosition = top?.open === '{' && (previous === '{' || previous === ',');
  return { kind: 'code', word, wordStart, callee, keyPosition, depth };
}

/** The callee of the innermost `(` reached from the top of the stack through `[` and `{` brackets. */
function enclosingCallee(stack: readonly Bracket[]): string[] | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    const bracket = stack[i];
    if (bracket.open === '(') return bracket.callee;
    if (bracket.open === '${') return undefined;
  }
  return undefined;
}

/** The index of the last character of the regular expression literal starting at `start`. */
function skipRegex(text: string, start: number): number {
  let inClass = false;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '\n') return i - 1;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) {
      while (NAME_CHAR.test(text[i + 1] ?? '')) i++;
      return i;
    }
  }
  return text.length - 1;
}
