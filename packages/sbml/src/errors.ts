/** An SBML document that cannot be imported: names the element (with its id) and what is supported. */
export class SbmlImportError extends Error {
  /**
   * @param element where, e.g. `<event id="e1">` or `document`
   * @param problem what is wrong and what is allowed
   */
  constructor(
    readonly element: string,
    problem: string,
  ) {
    super(`${element}: ${problem}`);
    this.name = 'SbmlImportError';
  }
}

/** How an element is named in messages: `<species id="S1">`, or `<rateRule variable="x">`. */
export function describeElement(name: string, attributes: Readonly<Record<string, string>>): string {
  for (const key of ['id', 'variable', 'symbol']) {
    if (attributes[key] !== undefined) return `<${name} ${key}="${attributes[key]}">`;
  }
  return `<${name}>`;
}
