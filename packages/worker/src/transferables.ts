/**
 * The distinct ArrayBuffers behind every typed array in a tree of plain objects and arrays: the
 * transfer list for posting `value` without copying. Only pass values whose arrays the sender no longer
 * needs (fresh copies), because transferring detaches them on this side.
 */
export function transferablesOf(value: unknown): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    if (ArrayBuffer.isView(node)) {
      if (node.buffer instanceof ArrayBuffer) buffers.add(node.buffer);
      return;
    }
    for (const child of Array.isArray(node) ? node : Object.values(node)) visit(child);
  };
  visit(value);
  return [...buffers];
}
