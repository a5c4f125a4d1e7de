import type { BinaryOperator, ExprNode } from '@immunotwin/engine';
import { SbmlImportError } from './errors.js';
import type { XmlElement } from './xml.js';

/** csymbol definitionURLs of SBML. */
const CSYMBOL_TIME = 'http://www.sbml.org/sbml/symbols/time';
const CSYMBOL_AVOGADRO = 'http://www.sbml.org/sbml/symbols/avogadro';
/** Avogadro's constant as SBML L3 defines it (the 2019 SI value). */
const AVOGADRO = 6.02214076e23;

/** Prefix of a call to an SBML function definition (inlined before anything else reads the expression). */
export const USER_FUNCTION_PREFIX = '@';

/** The MathML elements this importer reads, for messages. */
export const SUPPORTED_MATHML =
  'cn (real, integer, e-notation, rational), ci, csymbol time and avogadro, true, false, pi, exponentiale, ' +
  'plus, minus, times, divide, power, exp, ln, log (logbase), root (degree), abs, min, max, piecewise, ' +
  'eq, neq, gt, lt, geq, leq, and, or, xor, not, and calls of function definitions';

const num = (value: number): ExprNode => ({ type: 'number', value });
const bin = (op: BinaryOperator, left: ExprNode, right: ExprNode): ExprNode => ({ type: 'binary', op, left, right });
const call = (fn: string, ...args: ExprNode[]): ExprNode => ({ type: 'call', fn, args });

function fold(op: BinaryOperator, args: ExprNode[], empty: number): ExprNode {
  if (args.length === 0) return num(empty);
  return args.reduce((left, right) => bin(op, left, right));
}

/** a op b op c as (a op b) && (b op c), as MathML's n-ary relations mean. */
function chain(op: BinaryOperator, args: ExprNode[]): ExprNode {
  const pairs = args.slice(1).map((right, i) => bin(op, args[i], right));
  return pairs.reduce((left, right) => bin('&&', left, right));
}

/** Reads one MathML expression into the engine's expression tree; `where` names the element in errors. */
export class MathReader {
  constructor(private readonly where: string) {}

  private refuse(problem: string): never {
    throw new SbmlImportError(this.where, problem);
  }

  /** Reads the single expression inside a `<math>` element. */
  readMath(math: XmlElement): ExprNode {
    const content = math.children.filter((c) => c.name !== 'annotation');
    if (content.length !== 1) this.refuse(`<math> holds ${content.length} expressions; expected one`);
    return this.read(content[0]);
  }

  /** Reads a `<lambda>` (a function definition): its argument names and body. */
  readLambda(math: XmlElement): { params: string[]; body: ExprNode } {
    let lambda = math.children.find((c) => c.name !== 'annotation');
    if (lambda?.name === 'semantics') lambda = lambda.children[0];
    if (lambda?.name !== 'lambda') this.refuse('a function definition must hold a <lambda>');
    const params = lambda.children.filter((c) => c.name === 'bvar').map((b) => this.ciName(b.children[0]));
    const bodies = lambda.children.filter((c) => c.name !== 'bvar');
    if (bodies.length !== 1) this.refuse(`<lambda> has ${bodies.length} bodies; expected one`);
    return { params, body: this.read(bodies[0]) };
  }

  private ciName(element: XmlElement | undefined): string {
    if (element?.name !== 'ci' || element.text === '') this.refuse('expected <ci> with a name');
    return element.text;
  }

  private number(element: XmlElement): number {
    const type = element.attributes.type ?? 'real';
    const parts = element.text.split(/\s+/);
    if (element.attributes.base !== undefined && element.attributes.base !== '10') {
      this.refuse(`<cn base="${element.attributes.base}"> is not supported; numbers must be written in base 10`);
    }
    let value: number;
    if (type === 'e-notation' && parts.length === 2) value = Number(`${parts[0]}e${parts[1]}`);
    else if (type === 'rational' && parts.length === 2) value = Number(parts[0]) / Number(parts[1]);
    else if ((type === 'real' || type === 'integer' || type === 'double') && parts.length === 1)
      value = Number(parts[0]);
    else value = NaN;
    if (!Number.isFinite(value)) {
      this.refuse(
        `<cn type="${type}">${element.text}</cn> is not a finite number; allowed: real, integer, e-notation (m<sep/>e), rational (n<sep/>d)`,
      );
    }
    return value;
  }

  private read(element: XmlElement): ExprNode {
    switch (element.name) {
      case 'cn':
        return num(this.number(element));
      case 'ci':
        return { type: 'name', name: this.ciName(element) };
      case 'csymbol':
        return this.csymbol(element);
      case 'true':
        return num(1);
      case 'false':
        return num(0);
      case 'pi':
        return num(Math.PI);
      case 'exponentiale':
        return num(Math.E);
      case 'semantics':
        return this.read(element.children[0]);
      case 'piecewise':
        return this.piecewise(element);
      case 'apply':
        return this.apply(element);
      default:
        return this.refuse(`MathML <${element.name}> is not supported; supported: ${SUPPORTED_MATHML}`);
    }
  }

  private csymbol(element: XmlElement): ExprNode {
    const url = (element.attributes.definitionURL ?? '').trim();
    if (url === CSYMBOL_TIME) return { type: 'name', name: 'time' };
    if (url === CSYMBOL_AVOGADRO) return num(AVOGADRO);
    return this.refuse(`<csymbol definitionURL="${url}"> is not supported; supported: time, avogadro (delay is not)`);
  }

  private piecewise(element: XmlElement): ExprNode {
    const otherwise = element.children.find((c) => c.name === 'otherwise');
    // SBML leaves a piecewise without <otherwise> undefined when no piece holds: NaN (0/0) here.
    let result: ExprNode = otherwise ? this.read(otherwise.children[0]) : bin('/', num(0), num(0));
    const pieces = element.children.filter((c) => c.name === 'piece');
    for (let i = pieces.length - 1; i >= 0; i--) {
      const [value, condition] = pieces[i].children;
      if (!value || !condition) this.refuse('a <piece> needs a value and a condition');
      result = call('if', this.read(condition), this.read(value), result);
    }
    return result;
  }

  private apply(element: XmlElement): ExprNode {
    const [head, ...rest] = element.children;
    if (!head) this.refuse('empty <apply>');
    const qualifiers = new Map(
      rest.filter((c) => c.name === 'logbase' || c.name === 'degree').map((c) => [c.name, c.children[0]]),
    );
    const args = rest.filter((c) => c.name !== 'logbase' && c.name !== 'degree').map((c) => this.read(c));
    const arity = (n: number): void => {
      if (args.length !== n) this.refuse(`<${head.name}> takes ${n} argument(s); got ${args.length}`);
    };
    switch (head.name) {
      case 'ci':
        return call(`${USER_FUNCTION_PREFIX}${this.ciName(head)}`, ...args);
      case 'plus':
        return fold('+', args, 0);
      case 'times':
        return fold('*', args, 1);
      case 'minus':
        if (args.length === 1) return { type: 'negate', operand: args[0] };
        arity(2);
        return bin('-', args[0], args[1]);
      case 'divide':
        arity(2);
        return bin('/', args[0], args[1]);
      case 'power':
        arity(2);
        return bin('^', args[0], args[1]);
      case 'exp':
      case 'abs':
        arity(1);
        return call(head.name, args[0]);
      case 'ln':
        arity(1);
        return call('log', args[0]);
      case 'log': {
        arity(1);
        const base = qualifiers.has('logbase') ? this.read(qualifiers.get('logbase')!) : num(10);
        if (base.type === 'number' && base.value === 10) return call('log10', args[0]);
        return bin('/', call('log', args[0]), call('log', base));
      }
      case 'root': {
        arity(1);
        const degree = qualifiers.has('degree') ? this.read(qualifiers.get('degree')!) : num(2);
        if (degree.type === 'number' && degree.value === 2) return call('sqrt', args[0]);
        return bin('^', args[0], bin('/', num(1), degree));
      }
      case 'min':
      case 'max':
        if (args.length === 0) this.refuse(`<${head.name}> needs at least one argument`);
        return args.reduce((a, b) => call(head.name, a, b));
      case 'eq':
      case 'gt':
      case 'lt':
      case 'geq':
      case 'leq': {
        if (args.length < 2) this.refuse(`<${head.name}> needs at least two arguments; got ${args.length}`);
        const op = ({ eq: '==', gt: '>', lt: '<', geq: '>=', leq: '<=' } as const)[head.name];
        return chain(op, args);
      }
      case 'neq':
        arity(2);
        return bin('!=', args[0], args[1]);
      case 'and':
        return fold('&&', args, 1);
      case 'or':
        return fold('||', args, 0);
      case 'xor':
        if (args.length === 0) return num(0);
        return args.reduce((a, b) => bin('&&', bin('||', a, b), { type: 'not', operand: bin('&&', a, b) }));
      case 'not':
        arity(1);
        return { type: 'not', operand: args[0] };
      case 'csymbol':
        return this.refuse(
          `<csymbol definitionURL="${head.attributes.definitionURL ?? ''}"> cannot be applied; delays and other csymbol functions are not supported`,
        );
      default:
        return this.refuse(`MathML <${head.name}> is not supported; supported: ${SUPPORTED_MATHML}`);
    }
  }
}
