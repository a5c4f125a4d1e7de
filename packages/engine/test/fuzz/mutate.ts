import fc from 'fast-check';
import { ValidationError } from '../../src/index.js';
import { longFuzz } from './fuzzSettings.js';

/** A place in a JSON document: object keys and array indices from the root. */
export type JsonPath = readonly (string | number)[];

/**
 * Values that break inputs: non-finite and absurd numbers, the wrong types, empty and odd strings, plus any double,
 * integer or short string. (`1e400` in a JSON file parses to Infinity, so Infinity stands for it.)
 */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<unknown>(Number.NaN, Infinity, -Infinity, null, 1e308, 2 ** 53, -1, 0, -0) },
  fc.constantFrom<unknown>(5e-324, 0.5, 1.5, 1e12, -1e308, '', '1', 'abc', '__proto__', true, false, [], {}, [1, 2], {
    x: 1,
  }),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 8 }),
);

/** One change to a document: set a value, scale a number already there, or delete a key. */
export type Mutation =
  | { readonly op: 'set'; readonly path: JsonPath; readonly value: unknown }
  | { readonly op: 'scale'; readonly path: JsonPath; readonly factor: number }
  | { readonly op: 'delete'; readonly path: JsonPath };

/** Every path inside `doc` (containers and leaves), the root excluded. */
export function pathsIn(doc: unknown, prefix: JsonPath = []): JsonPath[] {
  if (doc === null || typeof doc !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(doc)
    ? doc.map((value, i) => [i, value])
    : Object.entries(doc as Record<string, unknown>);
  return entries.flatMap(([key, value]) => [[...prefix, key], ...pathsIn(value, [...prefix, key])]);
}

/** Every object in `doc` (the root included) with a key it does not have, for "extra key" mutations. */
function extraKeyPaths(doc: unknown, prefix: JsonPath = []): JsonPath[] {
  if (doc === null || typeof doc !== 'object') return [];
  const inner = pathsIn(doc, prefix).filter((p) => {
    let node: unknown = doc;
    for (const key of p.slice(prefix.length)) node = (node as Record<string | number, unknown>)[key];
    return node !== null && typeof node === 'object' && !Array.isArray(node);
  });
  return [prefix, ...inner].map((p) => [...p, 'unexpectedKey']);
}

/**
 * Mutations of `base`: 1 to `max` changes at its own paths, at an extra key of each object, and at `extraPaths`
 * (fields the base leaves out, e.g. every parameter of a model).
 */
export function mutationsOf(base: unknown, extraPaths: readonly JsonPath[] = [], max = 3): fc.Arbitrary<Mutation[]> {
  const paths = [...pathsIn(base), ...extraKeyPaths(base), ...extraPaths];
  const path = fc.constantFrom(...paths);
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ op: fc.constant('set' as const), path, value: hostileValue }) },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant('scale' as const),
        path,
        factor: fc.constantFrom(-1, 0.5, 2, 10, 1000, 1e6, 1e-6),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), path }) },
  );
  return fc.array(mutation, { minLength: 1, maxLength: max });
}

/** A copy of `base` with `mutations` applied (a path whose parent is missing gets an object; under a value, none). */
export function applyMutations<T>(base: T, mutations: readonly Mutation[]): T {
  const root = { doc: structuredClone(base) as unknown };
  for (const mutation of mutations) {
    const path = ['doc', ...mutation.path];
    let parent: Record<string | number, unknown> = root;
    let reachable = true;
    for (const key of path.slice(0, -1)) {
      if (parent[key] === undefined) parent[key] = {};
      const next = parent[key];
      if (next === null || typeof next !== 'object') {
        reachable = false;
        break;
      }
      parent = next as Record<string | number, unknown>;
    }
    if (!reachable) continue;
    const key = path[path.length - 1];
    if (mutation.op === 'delete') {
      if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
      else delete parent[key];
    } else if (mutation.op === 'scale') {
      if (typeof parent[key] === 'number') parent[key] = (parent[key] as number) * mutation.factor;
    } else parent[key] = structuredClone(mutation.value); // a copy: fast-check reuses generated values
  }
  return root.doc as T;
}

/** What happened to one fuzzed input. */
export type Outcome = 'accepted' | 'refused';

/**
 * Throws, with the input's own error as `cause`, unless `error` is a ValidationError whose first issue names a
 * field (a non-empty path) and says what is wrong: the one way an input may be refused.
 */
export function expectRefusal(error: unknown): 'refused' {
  if (!(error instanceof ValidationError)) {
    const name = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new Error(`refused with something other than a ValidationError: ${name}`, { cause: error });
  }
  const first = error.issues[0];
  if (!first || first.path === '' || first.message.trim() === '') {
    throw new Error(`a ValidationError that names no field: ${error.message}`, { cause: error });
  }
  return 'refused';
}

/** Runs `action` on an input: 'accepted' when it returns, 'refused' for a ValidationError naming a field. */
export function acceptOrRefuse(action: () => unknown): Outcome {
  try {
    action();
    return 'accepted';
  } catch (error) {
    return expectRefusal(error);
  }
}

/** `acceptOrRefuse` for asynchronous actions. */
export async function acceptOrRefuseAsync(action: () => Promise<unknown>): Promise<Outcome> {
  try {
    await action();
    return 'accepted';
  } catch (error) {
    return expectRefusal(error);
  }
}

/** Counts outcomes per property; under `npm run fuzz` prints them (e.g. "scenario: 1830 refused, 170 accepted"). */
export class OutcomeTally {
  private readonly counts = new Map<string, number>();
  constructor(private readonly name: string) {}

  /** Records one outcome (or any other label, e.g. 'run failed'). */
  add(outcome: string): void {
    this.counts.set(outcome, (this.counts.get(outcome) ?? 0) + 1);
  }

  /** The counts, e.g. `{ refused: 40, accepted: 20 }`. */
  get values(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  /** Prints the counts under `npm run fuzz`. */
  report(): void {
    if (!longFuzz) return;
    const parts = [...this.counts].map(([outcome, count]) => `${count} ${outcome}`);
    console.log(`fuzz ${this.name}: ${parts.join(', ')}`);
  }
}
