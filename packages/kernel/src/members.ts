/** Names and values in scope, read the way completion and inspection need them. */
export type Scope = Readonly<Record<string, unknown>>;

/** Names that are never offered: they throw on access in strict code or are noise. */
const HIDDEN_MEMBERS = new Set(['constructor', 'caller', 'callee', 'arguments', '__proto__']);

/** Every name in `scope`, its prototype chain (the kernel's globals) included. */
export function scopeNames(scope: Scope): string[] {
  const names: string[] = [];
  for (const name in scope) names.push(name);
  return names;
}

/**
 * The value at a dotted path: the first name from `scope` (or, failing that, from `builtins`, e.g.
 * `Math`), then member by member. Reading a member runs its getter, if it has one; a throwing getter
 * counts as not found.
 */
export function resolvePath(
  scope: Scope,
  path: readonly string[],
  builtins: object = globalThis,
): { found: boolean; value?: unknown } {
  if (path.length === 0) return { found: false };
  const [root, ...rest] = path;
  let value: unknown;
  if (root in scope) value = scope[root];
  else if (root in builtins) value = (builtins as Record<string, unknown>)[root];
  else return { found: false };
  for (const name of rest) {
    if (value === null || value === undefined) return { found: false };
    try {
      const holder = Object(value) as Record<string, unknown>;
      if (!(name in holder)) return { found: false };
      value = holder[name];
    } catch {
      return { found: false };
    }
  }
  return { found: true, value };
}

/** A member name and a guess at its kind, for completers. */
export interface MemberInfo {
  /** The member's name. */
  name: string;
  /** `'function'`, `'class'`, `'property'` or `'instance'`. */
  type: string;
}

/**
 * The string-keyed members of a value, own and inherited (stopping before Object.prototype), without
 * running getters; indices of arrays and typed arrays are left out.
 */
export function memberNames(value: unknown): MemberInfo[] {
  if (value === null || value === undefined) return [];
  const out = new Map<string, MemberInfo>();
  let object: object | null = Object(value) as object;
  for (let level = 0; object && object !== Object.prototype && level < 32; level++) {
    let names: string[];
    try {
      names = Object.getOwnPropertyNames(object);
    } catch {
      break;
    }
    for (const name of names) {
      if (out.has(name) || HIDDEN_MEMBERS.has(name) || /^\d+$/.test(name)) continue;
      out.set(name, { name, type: kindOf(Object.getOwnPropertyDescriptor(object, name)) });
    }
    try {
      object = Object.getPrototypeOf(object) as object | null;
    } catch {
      break;
    }
  }
  return [...out.values()];
}

function kindOf(descriptor: PropertyDescriptor | undefined): string {
  if (!descriptor || !('value' in descriptor)) return 'property';
  return typeOfValue(descriptor.value);
}

/** The completer kind of a value: `'class'`, `'function'` or `'instance'`. */
export function typeOfValue(value: unknown): string {
  if (typeof value !== 'function') return 'instance';
  try {
    return Function.prototype.toString.call(value).startsWith('class') ? 'class' : 'function';
  } catch {
    return 'function';
  }
}
