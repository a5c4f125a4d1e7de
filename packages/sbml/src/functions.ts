import type { ExprNode } from '@immunotwin/engine';
import { SbmlImportError } from './errors.js';
import { USER_FUNCTION_PREFIX } from './mathml.js';
import { mapCalls, substitute } from './substitute.js';

/** A function definition: argument names and body. */
export interface FunctionDefinition {
  readonly params: readonly string[];
  readonly body: ExprNode;
}

/** Deepest nesting of function calls inside function bodies (SBML forbids recursion; this catches it). */
const MAX_DEPTH = 64;

/**
 * Replaces every call of an SBML function definition by its body with the arguments put in, so the
 * engine sees plain expressions. `where` names the element in errors.
 */
export function inlineFunctions(
  node: ExprNode,
  definitions: ReadonlyMap<string, FunctionDefinition>,
  where: string,
  depth = 0,
): ExprNode {
  return mapCalls(node, (call) => {
    if (!call.fn.startsWith(USER_FUNCTION_PREFIX)) return call;
    const id = call.fn.slice(USER_FUNCTION_PREFIX.length);
    const definition = definitions.get(id);
    if (!definition) {
      const known = [...definitions.keys()].join(', ') || '(none)';
      throw new SbmlImportError(where, `calls "${id}", which is not a function definition; defined: ${known}`);
    }
    if (definition.params.length !== call.args.length) {
      throw new SbmlImportError(
        where,
        `calls "${id}" with ${call.args.length} argument(s); it takes ${definition.params.length}`,
      );
    }
    if (depth >= MAX_DEPTH)
      throw new SbmlImportError(where, `function "${id}" calls itself (recursion is not allowed)`);
    const args = new Map(definition.params.map((p, i) => [p, call.args[i]]));
    return inlineFunctions(
      substitute(definition.body, (name) => args.get(name)),
      definitions,
      where,
      depth + 1,
    );
  });
}
