/** Options for {@link formatValue}. */
export interface FormatOptions {
  /** How many levels of nested objects to show before `[Object]` (default 2, like Node's inspect). */
  depth?: number;
  /** Array, typed-array, Map and Set entries shown before `... N more items` (default 100). */
  maxArrayLength?: number;
  /** Characters of a string shown before `... N more characters` (default 10 000). */
  maxStringLength?: number;
  /** Width past which an object or array is broken over several lines (default 80). */
  breakLength?: number;
}

interface Settings {
  depth: number;
  maxArrayLength: number;
  maxStringLength: number;
  breakLength: number;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A readable, `util.inspect`-like rendering of any value for a notebook: strings quoted, objects as
 * `{ a: 1, b: [ 1, 2 ] }`, class instances prefixed with their class, Maps, Sets, typed arrays, dates,
 * errors, cycles as `[Circular]`, long containers cut short. Never calls user methods other than getters'
 * absence checks; runs without Node's `util` (it must work in a browser worker).
 */
export function formatValue(value: unknown, options: FormatOptions = {}): string {
  const settings: Settings = {
    depth: options.depth ?? 2,
    maxArrayLength: options.maxArrayLength ?? 100,
    maxStringLength: options.maxStringLength ?? 10_000,
    breakLength: options.breakLength ?? 80,
  };
  return format(value, 0, [], '', settings);
}

/**
 * Joins `console.log`-style arguments into one line of text: strings as they are, other values through
 * {@link formatValue}, and printf-like `%s %d %i %f %j %o %O %c %%` directives in a leading string.
 */
export function formatLogArguments(args: readonly unknown[]): string {
  const rest = [...args];
  const parts: string[] = [];
  if (typeof rest[0] === 'string' && rest.length > 1 && rest[0].includes('%')) {
    const template = rest.shift() as string;
    parts.push(
      template.replace(/%([sdifjoOc%])/g, (match, directive: string) => {
        if (directive === '%') return '%';
        if (rest.length === 0) return match;
        const arg = rest.shift();
        switch (directive) {
          case 's':
            return typeof arg === 'string' ? arg : formatValue(arg, { depth: 1 });
          case 'd':
          case 'i': {
            if (typeof arg === 'bigint') return `${arg}n`;
            const n = Number(arg);
            return String(directive === 'i' ? Math.trunc(n) : n);
          }
          case 'f':
            return String(Number(arg));
          case 'j':
            try {
              return JSON.stringify(arg) ?? 'undefined';
            } catch {
              return '[Circular]';
            }
          case 'c':
            return '';
          default:
            return formatValue(arg, { depth: directive === 'O' ? 2 : 4 });
        }
      }),
    );
  }
  for (const arg of rest) parts.push(typeof arg === 'string' ? arg : formatValue(arg));
  return parts.join(' ');
}

/** A string as a JavaScript literal: single quotes unless the text contains them and no double quotes. */
export function quoteString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

function format(value: unknown, level: number, seen: object[], indent: string, s: Settings): string {
  switch (typeof value) {
    case 'string': {
      const shown = value.length > s.maxStringLength ? value.slice(0, s.maxStringLength) : value;
      const more = value.length - shown.length;
      return quoteString(shown) + (more > 0 ? `... ${more} more character${more === 1 ? '' : 's'}` : '');
    }
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'undefined':
      return 'undefined';
    case 'boolean':
      return String(value);
    case 'function':
      return formatFunction(value);
  }
  if (value === null) return 'null';
  const object = value as object;
  if (seen.includes(object)) return '[Circular]';
  const special = formatSpecial(object, level);
  if (special !== undefined) return special;

  const tag = constructorName(object);
  if (level > s.depth) return Array.isArray(object) ? '[Array]' : `[${tag ?? 'Object'}]`;

  seen.push(object);
  try {
    const inner = indent + '  ';
    const child = (v: unknown): string => format(v, level + 1, seen, inner, s);
    if (Array.isArray(object)) return layout('', '[', ']', arrayEntries(object, child, s), indent, s, true);
    if (ArrayBuffer.isView(object) && !(object instanceof DataView)) {
      const array = object as unknown as ArrayLike<number | bigint>;
      const entries = arrayEntries(
        Array.from({ length: Math.min(array.length, s.maxArrayLength) }, (_, i) => array[i]),
        child,
        s,
      );
      if (array.length > s.maxArrayLength) entries.push(moreItems(array.length - s.maxArrayLength));
      return layout(`${tag ?? 'TypedArray'}(${array.length}) `, '[', ']', entries, indent, s, true);
    }
    if (object instanceof Map) {
      const entries: string[] = [];
      for (const [k, v] of object) {
        if (entries.length === s.maxArrayLength) {
          entries.push(moreItems(object.size - s.maxArrayLength));
          break;
        }
        entries.push(`${child(k)} => ${child(v)}`);
      }
      return layout(`${tag ?? 'Map'}(${object.size}) `, '{', '}', entries, indent, s, false);
    }
    if (object instanceof Set) {
      const entries: string[] = [];
      for (const v of object) {
        if (entries.length === s.maxArrayLength) {
          entries.push(moreItems(object.size - s.maxArrayLength));
          break;
        }
        entries.push(child(v));
      }
      return layout(`${tag ?? 'Set'}(${object.size}) `, '{', '}', entries, indent, s, true);
    }
    const entries = propertyEntries(object, child);
    const proto = Object.getPrototypeOf(object) as object | null;
    const prefix = proto === null ? '[Object: null prototype] ' : tag && tag !== 'Object' ? `${tag} ` : '';
    if (entries.length === 0) return `${prefix}{}`;
    return layout(prefix, '{', '}', entries, indent, s, false);
  } finally {
    seen.pop();
  }
}

/** Values rendered without looking at their properties; undefined for ordinary objects. */
function formatSpecial(object: object, level: number): string | undefined {
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString();
  if (object instanceof RegExp) return String(object);
  if (object instanceof Error) {
    const text = object.message ? `${object.name}: ${object.message}` : object.name;
    return level === 0 ? text : `[${text}]`;
  }
  if (object instanceof Promise) return 'Promise {}';
  if (object instanceof WeakMap) return 'WeakMap { <items unknown> }';
  if (object instanceof WeakSet) return 'WeakSet { <items unknown> }';
  if (object instanceof ArrayBuffer) return `ArrayBuffer { byteLength: ${object.byteLength} }`;
  if (object instanceof DataView) return `DataView { byteLength: ${object.byteLength} }`;
  if (object instanceof Number) return `[Number: ${format(object.valueOf(), 0, [], '', DEFAULTS)}]`;
  if (object instanceof String) return `[String: ${quoteString(object.valueOf())}]`;
  if (object instanceof Boolean) return `[Boolean: ${object.valueOf()}]`;
  return undefined;
}

const DEFAULTS: Settings = { depth: 2, maxArrayLength: 100, maxStringLength: 10_000, breakLength: 80 };

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- any callable is formatted
function formatFunction(fn: Function): string {
  let source = '';
  try {
    source = Function.prototype.toString.call(fn);
  } catch {
    // a revoked proxy or similar: fall back to the name only
  }
  const name = typeof fn.name === 'string' && fn.name ? fn.name : '';
  if (source.startsWith('class')) {
    const base = Object.getPrototypeOf(fn) as { name?: unknown } | null;
    const extendsName = base && base !== Function.prototype && typeof base.name === 'string' ? base.name : '';
    return `[class ${name || '(anonymous)'}${extendsName ? ` extends ${extendsName}` : ''}]`;
  }
  const kind = constructorName(fn) ?? 'Function';
  return name ? `[${kind}: ${name}]` : `[${kind} (anonymous)]`;
}

function constructorName(object: object): string | undefined {
  try {
    const proto = Object.getPrototypeOf(object) as { constructor?: { name?: unknown } } | null;
    const name = proto?.constructor?.name;
    return typeof name === 'string' && name ? name : undefined;
  } catch {
    return undefined;
  }
}

function arrayEntries(array: readonly unknown[], child: (v: unknown) => string, s: Settings): string[] {
  const entries: string[] = [];
  const shown = Math.min(array.length, s.maxArrayLength);
  let holes = 0;
  const flushHoles = (): void => {
    if (holes > 0) entries.push(`<${holes} empty item${holes === 1 ? '' : 's'}>`);
    holes = 0;
  };
  for (let i = 0; i < shown; i++) {
    if (!(i in array)) {
      holes++;
      continue;
    }
    flushHoles();
    entries.push(child(array[i]));
  }
  flushHoles();
  if (array.length > shown) entries.push(moreItems(array.length - shown));
  return entries;
}

function moreItems(count: number): string {
  return `... ${count} more item${count === 1 ? '' : 's'}`;
}

function propertyEntries(object: object, child: (v: unknown) => string): string[] {
  const entries: string[] = [];
  const keys: (string | symbol)[] = [
    ...Object.keys(object),
    ...Object.getOwnPropertySymbols(object).filter((k) => Object.prototype.propertyIsEnumerable.call(object, k)),
  ];
  for (const key of keys) {
    const label = typeof key === 'symbol' ? `[${key.toString()}]` : IDENTIFIER.test(key) ? key : quoteString(key);
    const descriptor = Object.getOwnPropertyDescriptor(object, key);
    if (descriptor && !('value' in descriptor)) {
      const kind = descriptor.get && descriptor.set ? 'Getter/Setter' : descriptor.get ? 'Getter' : 'Setter';
      entries.push(`${label}: [${kind}]`);
    } else {
      entries.push(`${label}: ${child(descriptor?.value)}`);
    }
  }
  return entries;
}

/**
 * Lays entries out on one line when they fit, otherwise one per line; many short entries of an array are
 * packed into aligned columns, as Node does for long numeric arrays.
 */
function layout(
  prefix: string,
  open: string,
  close: string,
  entries: string[],
  indent: string,
  s: Settings,
  groupable: boolean,
): string {
  if (entries.length === 0) return `${prefix}${open}${close}`;
  const oneLine = `${prefix}${open} ${entries.join(', ')} ${close}`;
  if (!entries.some((e) => e.includes('\n')) && indent.length + oneLine.length <= s.breakLength) return oneLine;
  const inner = indent + '  ';
  const longest = Math.max(...entries.map((e) => e.length));
  if (groupable && entries.length > 6 && longest <= 16 && !entries.some((e) => e.includes('\n'))) {
    const columns = Math.max(1, Math.min(16, Math.floor((s.breakLength - inner.length) / (longest + 2))));
    const rows: string[] = [];
    for (let i = 0; i < entries.length; i += columns) {
      const row = entries
        .slice(i, i + columns)
        .map((e) => (/^-?[\d.]/.test(e) ? e.padStart(longest) : e.padEnd(longest)));
      rows.push(row.join(', ').trimEnd());
    }
    return `${prefix}${open}\n${inner}${rows.join(`,\n${inner}`)}\n${indent}${close}`;
  }
  return `${prefix}${open}\n${inner}${entries.join(`,\n${inner}`)}\n${indent}${close}`;
}
