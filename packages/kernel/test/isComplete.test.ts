import { describe, expect, it } from 'vitest';
import { isComplete } from '../src/index.js';

describe('isComplete', () => {
  it.each([
    ['const a = 1', 'JavaScript'],
    ['const a: number = await Promise.resolve(1)\na + 1', 'TypeScript with top-level await'],
    ['', 'an empty cell'],
    ['function f() {\n  return 1\n}', 'a closed function'],
  ])('says complete for %j (%s)', (code) => {
    expect(isComplete(code)).toEqual({ status: 'complete' });
  });

  it.each([
    ['function f() {', '  '],
    ['twin.run({\n  days: 10,', '    '],
    ['const a = [1, 2,', '  '],
    ['const s = `multi\nline', ''],
    ["const s = 'open", ''],
    ['/* a comment', ''],
    ['const x = 1 +', ''],
    ['const t: Array<', ''],
  ])('says incomplete for %j, with an indent', (code, indent) => {
    expect(isComplete(code)).toEqual({ status: 'incomplete', indent });
  });

  it.each([['const = 1'], ['a b c'], ['let x = 1; let x = 2'], ['}']])('says invalid for %j', (code) => {
    expect(isComplete(code)).toEqual({ status: 'invalid' });
  });
});
