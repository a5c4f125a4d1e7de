import type { ErrorObject } from 'ajv';
import { describeValue, type ValidationIssue } from './validationError.js';

// Turns the errors of an ajv validation function (compiled at run time, or ahead of time into plain code) into
// readable issues. Type-only use of ajv: this module loads no validator compiler. The functions are compiled
// with `verbose` (errors carry their parent schema, whose description and properties make messages helpful).

/** Converts a JSON pointer (`/interventions/0/start`) into a readable path (`interventions[0].start`). */
export function pointerToPath(pointer: string): string {
  if (!pointer) return '';
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const part of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function describeError(error: ErrorObject, root: unknown): ValidationIssue {
  const path = pointerToPath(error.instancePath);
  const value = valueAt(root, error.instancePath);
  const got = `got ${describeValue(value)}`;
  const p = error.params as Record<string, unknown>;
  const hint = typeof error.parentSchema?.description === 'string' ? ` (${error.parentSchema.description})` : '';
  switch (error.keyword) {
    case 'required':
      return { path: join(path, String(p.missingProperty)), message: `is required but missing${hint}` };
    case 'additionalProperties':
      return {
        path: join(path, String(p.additionalProperty)),
        message: `is not a known property here; allowed: ${Object.keys(
          (error.parentSchema?.properties as Record<string, unknown>) ?? {},
        ).join(', ')}`,
      };
    case 'type':
      return { path, message: `must be ${typeName(String(p.type))}; ${got}` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const op = { minimum: '≥', maximum: '≤', exclusiveMinimum: '>', exclusiveMaximum: '<' }[error.keyword];
      return { path, message: `must be ${op} ${String(p.limit)}; ${got}${hint}` };
    }
    case 'enum':
    case 'const': {
      const allowed = error.keyword === 'enum' ? (p.allowedValues as unknown[]) : [p.allowedValue];
      return { path, message: `must be one of ${allowed.map(describeValue).join(', ')}; ${got}` };
    }
    case 'pattern':
      return { path, message: `must be ${hint ? hint.slice(2, -1) : `matching ${String(p.pattern)}`}; ${got}` };
    case 'minItems':
      return { path, message: `must have at least ${String(p.limit)} item(s)` };
    case 'maxItems':
      return { path, message: `must have at most ${String(p.limit)} item(s)` };
    case 'minLength':
      return { path, message: `must not be empty` };
    case 'uniqueItems':
      return { path, message: `must not repeat items` };
    default:
      return { path, message: `${error.message ?? 'is invalid'}; ${got}` };
  }
}

/**
 * Picks the errors worth showing. A union reports every branch: where all of a location's errors are
 * literal mismatches (an enum written as a union of literals), they merge into one "must be one of"
 * error; elsewhere literal mismatches are noise from the branches that did not apply.
 */
function mostSpecific(errors: readonly ErrorObject[]): ErrorObject[] {
  const concrete = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if');
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of concrete) byPath.set(e.instancePath, [...(byPath.get(e.instancePath) ?? []), e]);
  const kept: ErrorObject[] = [];
  for (const group of byPath.values()) {
    const literals = group.filter((e) => e.keyword === 'const');
    const others = group.filter((e) => e.keyword !== 'const');
    if (others.length > 0) kept.push(...others);
    else if (
      literals.length > 0 &&
      !concrete.some((e) => e.keyword !== 'const' && e.instancePath.startsWith(`${literals[0].instancePath}/`))
    ) {
      kept.push({
        ...literals[0],
        keyword: 'enum',
        params: { allowedValues: literals.map((e) => (e.params as { allowedValue: unknown }).allowedValue) },
      });
    }
  }
  return kept.length > 0 ? kept : [...errors];
}

/**
 * The readable issues of a failed validation: the most specific errors, each with its path, what was wrong and
 * what is allowed, without repeats.
 */
export function describeSchemaErrors(errors: readonly ErrorObject[], value: unknown): ValidationIssue[] {
  const seen = new Set<string>();
  return mostSpecific(errors)
    .map((e) => describeError(e, value))
    .filter((issue) => {
      const key = `${issue.path}|${issue.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** A JSON-schema type as a message says it: numbers are finite (the validator refuses NaN and ±Infinity). */
function typeName(type: string): string {
  return type.replace(/\b(integer|number)\b/g, (name) => (name === 'integer' ? 'a whole number' : 'a finite number'));
}
