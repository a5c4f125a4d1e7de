/** Thrown inside the scanner with the offset of the first character that breaks the JSON grammar. */
class SyntaxAt {
  constructor(readonly offset: number) {}
}

/**
 * The offset of the first character where `text` stops being valid JSON (text.length when it ends too
 * early), or -1 if it is valid. Used when the JavaScript engine's own message gives no position.
 */
export function locateJsonSyntaxError(text: string): number {
  let i = 0;
  const n = text.length;
  const fail = (at = i): never => {
    throw new SyntaxAt(at);
  };
  const skipSpace = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const expect = (ch: string): void => {
    if (text[i] !== ch) fail();
    i++;
  };
  const digits = (): void => {
    if (!(text[i] >= '0' && text[i] <= '9')) fail();
    while (text[i] >= '0' && text[i] <= '9') i++;
  };
  const literal = (word: string): void => {
    for (const ch of word) expect(ch);
  };
  const string = (): void => {
    expect('"');
    for (;;) {
      if (i >= n) fail();
      const ch = text[i];
      if (ch === '"') {
        i++;
        return;
      }
      if (ch.charCodeAt(0) < 0x20) fail();
      if (ch === '\\') {
        i++;
        if (text[i] === 'u') {
          i++;
          for (let k = 0; k < 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail();
            i++;
          }
        } else if (i < n && '"\\/bfnrt'.includes(text[i])) i++;
        else fail();
      } else i++;
    }
  };
  const number = (): void => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
  };
  const value = (): void => {
    skipSpace();
    const ch = text[i];
    if (ch === '{') {
      i++;
      skipSpace();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skipSpace();
        string();
        skipSpace();
        expect(':');
        value();
        skipSpace();
        if (text[i] === ',') i++;
        else return expect('}');
      }
    }
    if (ch === '[') {
      i++;
      skipSpace();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        skipSpace();
        if (text[i] === ',') i++;
        else return expect(']');
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    if (ch === '-' || (ch >= '0' && ch <= '9')) return number();
    fail();
  };
  try {
    value();
    skipSpace();
    if (i < n) fail();
    return -1;
  } catch (error) {
    if (error instanceof SyntaxAt) return Math.min(error.offset, n);
    throw error;
  }
}

/** 1-based line and column of an offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastNewline = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastNewline };
}
