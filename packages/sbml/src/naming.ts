/** A model id the manifest accepts (lower-case words joined by hyphens) from an SBML id or name. */
export function manifestModelId(sbmlId: string): string {
  const words = sbmlId
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  const id = words.join('-');
  return /^[a-z]/.test(id) ? id : `sbml-${id || 'model'}`;
}

/** Hands out identifiers unique within one manifest: the wanted one, else with `_2`, `_3`, … appended. */
export class UniqueIds {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const id of reserved) this.taken.add(id);
  }

  /** Takes `wanted` or the first free variant of it. */
  take(wanted: string): string {
    let id = wanted;
    for (let n = 2; this.taken.has(id); n++) id = `${wanted}_${n}`;
    this.taken.add(id);
    return id;
  }
}
