import type { ExprNode } from '@immunotwin/engine';

const CSYMBOL_TIME = 'http://www.sbml.org/sbml/symbols/time';

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const apply = (operator: string, ...args: string[]): string => `<apply><${operator}/>${args.join('')}</apply>`;

function numberMathml(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return `<cn type="integer">${value}</cn>`;
  const text = String(value);
  const e = text.indexOf('e');
  if (e < 0) return `<cn>${text}</cn>`;
  return `<cn type="e-notation">${text.slice(0, e)}<sep/>${text.slice(e + 1).replace('+', '')}</cn>`;
}

/** Whether a node is a truth value (a comparison or logic), which MathML keeps apart from numbers. */
function isCondition(node: ExprNode): boolean {
  return (
    node.type === 'not' || (node.type === 'binary' && ['<', '<=', '>', '>=', '==', '!=', '&&', '||'].includes(node.op))
  );
}

const RELATIONS: Readonly<Record<string, string>> = {
  '<': 'lt',
  '<=': 'leq',
  '>': 'gt',
  '>=': 'geq',
  '==': 'eq',
  '!=': 'neq',
};
const ARITHMETIC: Readonly<Record<string, string>> = {
  '+': 'plus',
  '-': 'minus',
  '*': 'times',
  '/': 'divide',
  '^': 'power',
};

/** MathML for a condition: a comparison or logic as it is, a number as "≠ 0" (the engine's truth rule). */
function conditionMathml(node: ExprNode): string {
  if (!isCondition(node)) return apply('neq', valueMathml(node), numberMathml(0));
  if (node.type === 'not') return apply('not', conditionMathml(node.operand));
  if (node.type !== 'binary') throw new Error('unreachable');
  if (node.op === '&&' || node.op === '||')
    return apply(node.op === '&&' ? 'and' : 'or', conditionMathml(node.left), conditionMathml(node.right));
  return apply(RELATIONS[node.op], valueMathml(node.left), valueMathml(node.right));
}

const piecewise = (value: string, condition: string, otherwise: string): string =>
  `<piecewise><piece>${value}${condition}</piece><otherwise>${otherwise}</otherwise></piecewise>`;

function callMathml(fn: string, args: readonly ExprNode[]): string {
  const [a, b, c] = args.map(valueMathml);
  switch (fn) {
    case 'exp':
    case 'abs':
      return apply(fn, a);
    case 'log':
      return apply('ln', a);
    case 'log10':
      return `<apply><log/><logbase>${numberMathml(10)}</logbase>${a}</apply>`;
    case 'sqrt':
      return apply('root', a);
    case 'pow':
      return apply('power', a, b);
    case 'min':
    case 'max':
      return apply(fn, a, b);
    case 'hill': {
      // hill(x, K, n) = x^n / (K^n + x^n)
      const xn = apply('power', a, c);
      return apply('divide', xn, apply('plus', apply('power', b, c), xn));
    }
    case 'if':
      return piecewise(b, conditionMathml(args[0]), c);
    default:
      throw new Error(`no MathML for function "${fn}"`);
  }
}

/** MathML for a numeric value; a condition in a numeric place becomes 1 or 0. */
function valueMathml(node: ExprNode): string {
  if (isCondition(node)) return piecewise(numberMathml(1), conditionMathml(node), numberMathml(0));
  switch (node.type) {
    case 'number':
      return numberMathml(node.value);
    case 'name':
      return node.name === 'time'
        ? `<csymbol encoding="text" definitionURL="${CSYMBOL_TIME}">time</csymbol>`
        : `<ci>${escapeXml(node.name)}</ci>`;
    case 'negate':
      return apply('minus', valueMathml(node.operand));
    case 'binary':
      return apply(ARITHMETIC[node.op], valueMathml(node.left), valueMathml(node.right));
    case 'call':
      return callMathml(node.fn, node.args);
    default:
      throw new Error('unreachable');
  }
}

/** A `<math>` element (MathML namespace) for an engine expression tree. */
export function mathElement(node: ExprNode): string {
  return `<math xmlns="http://www.w3.org/1998/Math/MathML">${valueMathml(node)}</math>`;
}
