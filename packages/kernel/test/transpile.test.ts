import { describe, expect, it } from 'vitest';
import { CellSyntaxError, transpile } from '../src/index.js';

describe('transpile', () => {
  it('strips annotations, interfaces, type aliases, generics, casts and non-null assertions', () => {
    const out = transpile(
      [
        'interface A { x: number }',
        'type B = A | null;',
        'function id<T>(value: T): T { return value }',
        'const a: A = { x: 1 } as A;',
        'let b = a!;',
        "import type { Q } from 'q';",
      ].join('\n'),
    );
    expect(out).not.toMatch(/interface|type B|<T>|: T|: A|as A|a!|import type/);
    expect(out).toContain('function id(value) { return value }');
    expect(out).toContain('const a = { x: 1 }');
  });

  it('keeps every line where it was', () => {
    const source = 'interface A {\n  x: number\n}\nconst y: number = 1\nthrow new Error()';
    const out = transpile(source);
    expect(out.split('\n')).toHaveLength(5);
    expect(out.split('\n')[4]).toBe('throw new Error()');
  });

  it('keeps imports a later cell may use, and top-level await', () => {
    const out = transpile("import unused from 'm';\nawait 1");
    expect(out).toContain("import unused from 'm'");
    expect(out).toContain('await 1');
  });

  it('passes plain JavaScript through', () => {
    const source = 'const f = (a, b) => a ?? b;\nclass K { #p = 1; static s = 2 }\nf?.(1, 2)';
    expect(transpile(source)).toBe(source);
    expect(transpile('a < b > (c)', { language: 'javascript' })).toBe('a < b > (c)');
  });

  it('reports syntax errors with the cell line and column', () => {
    let error: unknown;
    try {
      transpile('const ok = 1;\nlet x: = 2');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CellSyntaxError);
    expect(error).toMatchObject({ ename: 'SyntaxError', line: 2, column: 7, evalue: 'Unexpected token (2:7)' });
  });
});
