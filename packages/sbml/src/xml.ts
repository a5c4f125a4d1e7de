import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { SbmlImportError } from './errors.js';

/** An XML element with namespace prefixes removed from its name and attribute names. */
export interface XmlElement {
  /** Local name, e.g. `species` or `apply`. */
  readonly name: string;
  /** Attributes by local name (values as written, entities decoded). */
  readonly attributes: Readonly<Record<string, string>>;
  /** Child elements in document order. */
  readonly children: readonly XmlElement[];
  /** The element's own text: its trimmed text children joined by one space (`1.5 3` for `1.5<sep/>3`). */
  readonly text: string;
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string>; '#text'?: string };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

function toElement(node: OrderedNode): XmlElement | undefined {
  const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text');
  if (name === undefined) return undefined;
  const content = (node[name] ?? []) as OrderedNode[];
  const children: XmlElement[] = [];
  const texts: string[] = [];
  for (const child of content) {
    if ('#text' in child) texts.push(String(child['#text']).trim());
    else {
      const element = toElement(child);
      if (element) children.push(element);
    }
  }
  return { name, attributes: node[':@'] ?? {}, children, text: texts.filter((t) => t !== '').join(' ') };
}

/**
 * Parses an XML document into its root element. Malformed XML throws an SbmlImportError with the line
 * and column. Pure JavaScript (fast-xml-parser): it runs in Node and in a Web Worker without a DOM.
 */
export function parseXml(text: string): XmlElement {
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    const where = col === undefined ? `line ${line}` : `line ${line}, column ${col}`;
    throw new SbmlImportError('document', `is not well-formed XML: ${msg} (${where})`);
  }
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(text) as OrderedNode[];
  } catch (error) {
    // The validator passes a few documents the parser then refuses (e.g. an unclosed <?…?> inside the text).
    throw new SbmlImportError('document', `is not well-formed XML: ${(error as Error).message}`);
  }
  const roots = nodes.map(toElement).filter((e): e is XmlElement => !!e);
  if (roots.length !== 1)
    throw new SbmlImportError('document', `has ${roots.length} root elements; expected one <sbml>`);
  return roots[0];
}

/** The first child named `name`, if any. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/** The children of the list element `listName` (e.g. `listOfSpecies`) that are named `itemName`. */
export function listItems(element: XmlElement, listName: string, itemName: string): readonly XmlElement[] {
  return child(element, listName)?.children.filter((c) => c.name === itemName) ?? [];
}
