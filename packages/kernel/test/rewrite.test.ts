import { describe, expect, it } from 'vitest';
import { CellSyntaxError, rewriteCell } from '../src/index.js';

function body(source: string, knownNames: string[] = []): string {
  const { code } = rewriteCell(source, { knownNames });
  // Drop the header (up to the end of the prologue) and the footer to compare the cell's own lines.
  return code.slice(code.indexOf(']);') + 3, code.lastIndexOf('\n})'));
}

function syntaxError(source: string): CellSyntaxError {
  try {
    rewriteCell(source);
  } catch (error) {
    if (error instanceof CellSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a syntax error');
}

describe('rewriteCell', () => {
  it('turns top-level declarations into scope assignments and locks constants', () => {
    const rewritten = rewriteCell('const a = 1\nlet b\nvar c = a');
    expect(rewritten.declaredNames).toEqual(['a', 'b', 'c']);
    expect(body('const a = 1\nlet b\nvar c = a')).toBe(
      ';(__scope.a = 1);__kernel.lock(["a"]);\n;(__scope.b = undefined)\n;(__scope.c = __scope.a)',
    );
  });

  it('rewrites references to known names but not shadowing locals', () => {
    const out = body('function f(a) { const b = 1; return a + b + c }\n{ let c = 2; c }', ['a', 'b', 'c']);
    expect(out).toBe('__scope.f = f;function f(a) { const b = 1; return a + b + __scope.c }\n{ let c = 2; c }');
  });

  it('expands shorthand properties of persistent names', () => {
    expect(body('({ a, b: a })', ['a'])).toBe(';return [(({ a: __scope.a, b: __scope.a }))]');
  });

  it('keeps every line in place', () => {
    const source = 'const {\n  a,\n  b\n} = o\nclass K {\n}\nthrow a';
    const { code } = rewriteCell(source, { knownNames: ['o'] });
    const lines = code.split('\n');
    expect(lines[6]).toContain('throw __scope.a');
    expect(lines[2]).toContain('b: __scope.b');
  });

  it('hoists function declarations onto the scope', () => {
    const { code } = rewriteCell('f()\nfunction f() {}');
    expect(code).toContain('__scope.f = f;');
    expect(code.indexOf('__scope.f = f;')).toBeLessThan(code.indexOf('__scope.f()'));
  });

  it('marks a final expression as the result only when it is the last statement', () => {
    expect(rewriteCell('1; 2').hasResult).toBe(true);
    expect(rewriteCell('1; const x = 2').hasResult).toBe(false);
  });

  it('picks generated names that the cell does not use', () => {
    const { code, scopeName } = rewriteCell('const __scope = 1');
    expect(scopeName).not.toBe('__scope');
    expect(code).toContain(`${scopeName}.__scope = 1`);
  });

  it('reports syntax errors with line and column', () => {
    expect(syntaxError('let x = 1\nlet x = 2')).toMatchObject({
      ename: 'SyntaxError',
      evalue: "Identifier 'x' has already been declared (2:4)",
      line: 2,
      column: 4,
    });
    expect(syntaxError('\n\nfoo(')).toMatchObject({ evalue: 'Unexpected token (3:4)', line: 3 });
  });

  it('refuses export other than on a declaration, and strips it from one', () => {
    expect(syntaxError('const a = 1\nexport { a }')).toMatchObject({ line: 2, column: 0 });
    expect(body('export const a = 1')).toBe(';(__scope.a = 1);__kernel.lock(["a"]);');
  });
});
