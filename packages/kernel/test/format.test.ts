import { describe, expect, it } from 'vitest';
import { formatLogArguments, formatValue, toMimeBundle } from '../src/index.js';

describe('formatValue', () => {
  it('renders primitives like a REPL', () => {
    expect([formatValue("it's"), formatValue(-0), formatValue(10n), formatValue(undefined), formatValue(null)]).toEqual(
      ['"it\'s"', '-0', '10n', 'undefined', 'null'],
    );
  });

  it('renders objects, class instances, Maps, Sets, dates and errors', () => {
    class Cell {
      kind = 'T';
    }
    expect(formatValue({ a: 1, 'b-c': [1, 'x'], d: { e: { f: { g: 1 } } } })).toBe(
      "{ a: 1, 'b-c': [ 1, 'x' ], d: { e: { f: [Object] } } }",
    );
    expect(formatValue(new Cell())).toBe("Cell { kind: 'T' }");
    expect(formatValue(new Map([['k', new Set([1])]]))).toBe("Map(1) { 'k' => Set(1) { 1 } }");
    expect(formatValue(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(formatValue(new RangeError('bad'))).toBe('RangeError: bad');
    expect(formatValue([new RangeError('bad')])).toBe('[ [RangeError: bad] ]');
    expect(formatValue(function named() {})).toBe('[Function: named]');
    expect(formatValue(class Model {})).toBe('[class Model]');
  });

  it('marks cycles and cuts long arrays', () => {
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    expect(formatValue(loop)).toBe("{ name: 'loop', self: [Circular] }");
    expect(formatValue(new Int32Array(150))).toMatch(/\.\.\. 50 more items\n\]$/);
  });

  it('breaks long objects over lines', () => {
    const long = { alpha: 'a'.repeat(30), beta: 'b'.repeat(30), gamma: 'c'.repeat(30) };
    expect(formatValue(long)).toBe(
      `{\n  alpha: '${'a'.repeat(30)}',\n  beta: '${'b'.repeat(30)}',\n  gamma: '${'c'.repeat(30)}'\n}`,
    );
  });
});

describe('formatLogArguments', () => {
  it('joins strings as they are and formats the rest, with printf directives', () => {
    expect(formatLogArguments(['V =', 3, { unit: 'copies/mL' }])).toBe("V = 3 { unit: 'copies/mL' }");
    expect(formatLogArguments(['%s has %d cells (%i%%)', 'lung', 12.5, 99.9])).toBe('lung has 12.5 cells (99%)');
  });
});

describe('toMimeBundle', () => {
  it('uses text/plain for plain values and typed arrays', () => {
    expect(toMimeBundle(new Float32Array([0.5]))).toEqual({
      data: { 'text/plain': 'Float32Array(1) [ 0.5 ]' },
      metadata: {},
    });
  });

  it('adds a text/plain fallback to a value’s own bundle', () => {
    const bundle = toMimeBundle({ toMimeBundle: () => ({ 'text/html': '<p>x</p>' }) });
    expect(bundle.data['text/html']).toBe('<p>x</p>');
    expect(typeof bundle.data['text/plain']).toBe('string');
  });

  it('shows rows as an HTML table and an aligned text table', () => {
    const bundle = toMimeBundle([
      { day: 1, load: 1e4 },
      { day: 2, load: 2.5e5, note: 'peak' },
    ]);
    expect(bundle.data['text/html']).toContain('<th>day</th><th>load</th><th>note</th>');
    expect(bundle.data['text/html']).toContain('<td>250000</td><td>peak</td>');
    expect(bundle.data['text/plain']).toBe('   day    load  note\n0    1   10000\n1    2  250000  peak');
  });
});
