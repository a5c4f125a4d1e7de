import { describe, expect, it } from 'vitest';
import { evaluateExpression, parseExpression, type ExprNode } from '@immunotwin/engine';
import { MathReader } from '../src/mathml.js';
import { printExpression } from '../src/printExpression.js';
import { parseXml } from '../src/xml.js';

const read = (content: string): ExprNode =>
  new MathReader('<kineticLaw> of <reaction id="R1">').readMath(
    parseXml(`<math xmlns="http://www.w3.org/1998/Math/MathML">${content}</math>`),
  );
const value = (content: string, values: Record<string, number> = {}): number =>
  evaluateExpression(read(content), (name) => values[name]);
const ci = (name: string): string => `<ci> ${name} </ci>`;
const cn = (text: string, type?: string): string => `<cn${type ? ` type="${type}"` : ''}> ${text} </cn>`;
const apply = (op: string, ...args: string[]): string => `<apply><${op}/>${args.join('')}</apply>`;

describe('MathML', () => {
  it('reads numbers: real, integer, e-notation, rational, with units attributes, and the constants', () => {
    expect(value(cn('2.5'))).toBe(2.5);
    expect(value(cn('-7', 'integer'))).toBe(-7);
    expect(value(cn('1.5e-3'))).toBe(0.0015);
    expect(value('<cn type="e-notation"> 6.02 <sep/> 23 </cn>')).toBe(6.02e23);
    expect(value('<cn type="e-notation">1<sep/>-4</cn>')).toBe(1e-4);
    expect(value('<cn type="rational"> 1 <sep/> 4 </cn>')).toBe(0.25);
    expect(value('<cn xmlns:sbml="http://www.sbml.org/sbml/level3/version2/core" sbml:units="per_day">3</cn>')).toBe(3);
    expect(value('<pi/>')).toBe(Math.PI);
    expect(value('<exponentiale/>')).toBe(Math.E);
    expect(value('<true/>')).toBe(1);
    expect(value('<false/>')).toBe(0);
  });

  it('reads arithmetic: n-ary plus and times, unary and binary minus, divide, power', () => {
    expect(value(apply('plus', cn('1'), cn('2'), cn('3')))).toBe(6);
    expect(value(apply('plus'))).toBe(0);
    expect(value(apply('times', cn('2'), cn('3'), cn('4')))).toBe(24);
    expect(value(apply('minus', ci('x')), { x: 4 })).toBe(-4);
    expect(value(apply('minus', cn('10'), cn('4')))).toBe(6);
    expect(value(apply('divide', cn('1'), cn('8')))).toBe(0.125);
    expect(value(apply('power', cn('2'), cn('10')))).toBe(1024);
  });

  it('reads functions: exp, ln, log (base 10 or logbase), root (square or degree), abs, min, max', () => {
    expect(value(apply('exp', cn('0')))).toBe(1);
    expect(value(apply('ln', '<exponentiale/>'))).toBe(1);
    expect(value(apply('log', cn('1000')))).toBeCloseTo(3, 14);
    expect(value(`<apply><log/><logbase>${cn('2')}</logbase>${cn('32')}</apply>`)).toBeCloseTo(5, 14);
    expect(value(apply('root', cn('81')))).toBe(9);
    expect(value(`<apply><root/><degree>${cn('3')}</degree>${cn('27')}</apply>`)).toBeCloseTo(3, 14);
    expect(value(apply('abs', cn('-2.5')))).toBe(2.5);
    expect(value(apply('min', cn('4'), cn('2'), cn('3')))).toBe(2);
    expect(value(apply('max', cn('4'), cn('9'), cn('3')))).toBe(9);
  });

  it('reads piecewise with comparisons and logic, and n-ary relations as chains', () => {
    const pw = `<piecewise>
      <piece>${cn('10')}${apply('lt', ci('x'), cn('1'))}</piece>
      <piece>${cn('20')}${apply('and', apply('geq', ci('x'), cn('1')), apply('leq', ci('x'), cn('2')))}</piece>
      <otherwise>${cn('30')}</otherwise></piecewise>`;
    expect([0.5, 1, 2, 2.5].map((x) => value(pw, { x }))).toEqual([10, 20, 20, 30]);
    const noOtherwise = `<piecewise><piece>${cn('1')}${apply('gt', ci('x'), cn('0'))}</piece></piecewise>`;
    expect(value(noOtherwise, { x: 1 })).toBe(1);
    expect(value(noOtherwise, { x: -1 })).toBeNaN();
    expect(value(apply('lt', cn('1'), ci('x'), cn('3')), { x: 2 })).toBe(1);
    expect(value(apply('lt', cn('1'), ci('x'), cn('3')), { x: 4 })).toBe(0);
    expect(value(apply('eq', ci('x'), cn('2')), { x: 2 })).toBe(1);
    expect(value(apply('neq', ci('x'), cn('2')), { x: 2 })).toBe(0);
    expect(value(apply('or', apply('gt', ci('x'), cn('5')), '<true/>'), { x: 0 })).toBe(1);
    expect([0, 1].map((a) => [0, 1].map((b) => value(apply('xor', ci('a'), ci('b')), { a, b })))).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(value(apply('not', apply('gt', ci('x'), cn('0'))), { x: 1 })).toBe(0);
  });

  it('reads csymbol time as the name time, csymbol avogadro as its value, and semantics wrappers', () => {
    expect(
      printExpression(
        read(
          apply(
            'times',
            ci('k'),
            '<csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/time"> t </csymbol>',
          ),
        ),
      ),
    ).toBe('k * time');
    expect(value('<csymbol definitionURL="http://www.sbml.org/sbml/symbols/avogadro">NA</csymbol>')).toBe(
      6.02214076e23,
    );
    expect(value(`<semantics>${apply('plus', cn('1'), cn('1'))}<annotation>x</annotation></semantics>`)).toBe(2);
  });

  it('refuses what it does not support, naming the element and listing what is supported', () => {
    expect(() => read(apply('sin', ci('x')))).toThrow(
      /^<kineticLaw> of <reaction id="R1">: MathML <sin> is not supported; supported: cn \(real, integer, e-notation, rational\), ci, csymbol time/,
    );
    expect(() =>
      read(
        `<apply><csymbol definitionURL="http://www.sbml.org/sbml/symbols/delay">delay</csymbol>${ci('x')}${cn('1')}</apply>`,
      ),
    ).toThrow(/<csymbol definitionURL="http:\/\/www\.sbml\.org\/sbml\/symbols\/delay"> cannot be applied; delays/);
    expect(() => read('<cn base="16">FF</cn>')).toThrow(
      /<cn base="16"> is not supported; numbers must be written in base 10/,
    );
    expect(() => read(cn('INF'))).toThrow(/<cn type="real">INF<\/cn> is not a finite number/);
    expect(() => read(apply('divide', cn('1')))).toThrow(/<divide> takes 2 argument\(s\); got 1/);
    expect(() => read('<infinity/>')).toThrow(/MathML <infinity> is not supported/);
  });
});

describe('printExpression', () => {
  it('prints only the parentheses the engine needs and parses back to the same tree', () => {
    const cases = [
      'a - (b - c)',
      'a - b - c',
      'a / (b * c)',
      '(a + b) * c',
      '-a ^ 2',
      '(-2) ^ 2',
      '2 ^ 3 ^ 2',
      '(2 ^ 3) ^ 2',
      'a < b && (c > d || !e)',
      '!(a < b)',
      'if(time >= 5, k * -x, max(a, b))',
      '(a < b) + 1',
      '1e-7 * x + 2.5e+21',
    ];
    for (const source of cases) {
      const tree = parseExpression(source);
      expect(parseExpression(printExpression(tree))).toEqual(tree);
    }
    expect(printExpression(parseExpression('((a + b)) - ((c * d))'))).toBe('a + b - c * d');
    expect(printExpression(parseExpression('(a - b) - c'))).toBe('a - b - c');
    expect(printExpression({ type: 'number', value: NaN })).toBe('(0 / 0)');
  });
});
