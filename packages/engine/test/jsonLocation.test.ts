import { describe, expect, it } from 'vitest';
import { lineAndColumn, locateJsonSyntaxError } from '../src/validation/jsonLocation.js';

describe('locateJsonSyntaxError', () => {
  it('returns -1 for valid JSON', () => {
    for (const text of ['{}', ' [1, -2.5e3, "a\\u00e9\\n", true, false, null, {"a": {}}] ', '"x"', '0']) {
      expect(JSON.parse(text)).toBeDefined();
      expect(locateJsonSyntaxError(text)).toBe(-1);
    }
  });

  it('finds the first offending character', () => {
    const cases: [string, number][] = [
      ['{"a": tru}', 9],
      ['{"a": 1,}', 8],
      ['{"a" 1}', 5],
      ['[1 2]', 3],
      ['{"a": 01}', 7],
      ['{"a": "x\n"}', 8],
      ['{"a": 1} x', 9],
      ["{'a': 1}", 1],
      ['[1, 2', 5],
      ['', 0],
      ['{"a": "\\x"}', 8],
      ['-', 1],
      ['1.', 2],
    ];
    for (const [text, offset] of cases) {
      expect(() => JSON.parse(text)).toThrow();
      expect([text, locateJsonSyntaxError(text)]).toEqual([text, offset]);
    }
  });

  it('agrees with V8 wherever V8 reports a position', () => {
    const texts = ['{"a": 1,}', '{"a" 1}', '[1 2]', '{"a": 01}', '{"a": "x\n"}', '{"a": 1} x', '{\n  "b": [1,\n 2,,]}'];
    for (const text of texts) {
      let position = -1;
      try {
        JSON.parse(text);
      } catch (error) {
        const m = /position (\d+)/.exec((error as Error).message);
        if (m) position = Number(m[1]);
      }
      if (position >= 0) expect([text, locateJsonSyntaxError(text)]).toEqual([text, position]);
    }
  });

  it('converts offsets to 1-based lines and columns', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\n', 3)).toEqual({ line: 2, column: 1 });
  });
});
