import { notebookNamesIn } from './rewrite.js';

/**
 * JavaScript source of a function as an expression: a method written in shorthand (`step(dt) {…}`, also
 * `async`/`get`-less generators aside) becomes a function expression; arrows and function expressions stay as
 * they are. Throws if the function reads variables of the notebook (they would not exist where it travels).
 */
function functionSource(fn: (...args: never[]) => unknown, path: string): string {
  const source = Function.prototype.toString.call(fn).trim();
  const borrowed = notebookNamesIn(source);
  if (borrowed.length > 0) {
    throw new ReferenceError(
      `${path} uses ${borrowed.join(', ')} from the notebook; define ${borrowed.length > 1 ? 'them' : 'it'} inside the model's code`,
    );
  }
  if (source.endsWith('{ [native code] }')) throw new TypeError(`${path} is a built-in function, which has no source`);
  if (/^class\b/.test(source)) return source;
  if (/^(async\s+)?(function\b|\(|[A-Za-z_$][\w$]*\s*=>)/.test(source)) return `(${source})`;
  // Shorthand method: wrap it in an object literal and take it out again (keeps `super`-free methods valid).
  const key = JSON.stringify(fn.name);
  return `({ ${source} })[${key}]`;
}

/**
 * JavaScript source that re-creates `value`: JSON-like data with functions inside (a model definition), so
 * it can travel as module text. Functions must be self-contained (see `functionSource`). Throws a TypeError
 * naming the path of anything else (a Map, a class instance, a symbol…).
 */
export function valueSource(value: unknown, path = 'the model'): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : String(value);
  if (typeof value === 'function') return functionSource(value as (...args: never[]) => unknown, path);
  if (Array.isArray(value)) return `[${value.map((item, i) => valueSource(item, `${path}[${i}]`)).join(', ')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([key, item]) => `${JSON.stringify(key)}: ${valueSource(item, `${path}.${key}`)}`,
    );
    return `{ ${entries.join(', ')} }`;
  }
  throw new TypeError(`${path} cannot travel as source: only data, arrays, plain objects and functions can`);
}
