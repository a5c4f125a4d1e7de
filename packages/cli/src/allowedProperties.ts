import { ValidationError, type ValidationIssue } from '@immunotwin/engine';

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
}

/** The object schema at a dotted/indexed path (`interventions[0].x` → the item schema's `x`), if any. */
function schemaAt(schema: SchemaNode, path: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = schema;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (!node) return undefined;
    node = /^\d+$/.test(part) ? node.items : node.properties?.[part];
  }
  return node;
}

/**
 * Fills in the list of allowed properties where a validation message says `allowed:` with nothing
 * after it (the engine's validator can only name them when its Ajv instance keeps parent schemas), so
 * an unknown property is always reported with what is allowed instead.
 */
export function withAllowedProperties(error: ValidationError, schema: unknown): ValidationError {
  let changed = false;
  const issues = error.issues.map((issue): ValidationIssue => {
    if (!/is not a known property here; allowed: ?$/.test(issue.message)) return issue;
    const parent = issue.path.includes('.') ? issue.path.slice(0, issue.path.lastIndexOf('.')) : '';
    const keys = Object.keys(schemaAt(schema as SchemaNode, parent)?.properties ?? {});
    if (keys.length === 0) return issue;
    changed = true;
    return { ...issue, message: `is not a known property here; allowed: ${keys.join(', ')}` };
  });
  if (!changed) return error;
  const what = /^Invalid (.*?): /.exec(error.message)?.[1] ?? 'input';
  return new ValidationError(what, issues);
}
