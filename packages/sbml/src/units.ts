import { portableMath } from '@immunotwin/engine';
import type { XmlElement } from './xml.js';
import { listItems } from './xml.js';

const PREFIXES: Readonly<Record<number, string>> = { 3: 'k', 0: '', [-3]: 'm', [-6]: 'u', [-9]: 'n', [-12]: 'p' };

/** One `<unit>` as text: `mmole`, `litre^-1`, `(3600 second)`. */
function unitText(unit: XmlElement): string {
  const kind = unit.attributes.kind ?? '?';
  const exponent = Number(unit.attributes.exponent ?? 1);
  const scale = Number(unit.attributes.scale ?? 0);
  const multiplier = Number(unit.attributes.multiplier ?? 1);
  let base: string;
  if (multiplier === 1 && PREFIXES[scale] !== undefined) base = `${PREFIXES[scale]}${kind}`;
  else base = `(${multiplier * portableMath.pow(10, scale)} ${kind})`;
  return exponent === 1 ? base : `${base}^${exponent}`;
}

/** The unit definitions of a model as readable text by id, e.g. `per_day` → `(86400 second)^-1`. */
export function readUnitDefinitions(model: XmlElement): Map<string, string> {
  const units = new Map<string, string>();
  for (const definition of listItems(model, 'listOfUnitDefinitions', 'unitDefinition')) {
    const parts = listItems(definition, 'listOfUnits', 'unit').map(unitText);
    units.set(definition.attributes.id, parts.join(' ') || 'dimensionless');
  }
  return units;
}

/** What a unit definition measures in seconds, if it is a plain multiple of the second; else undefined. */
function secondsIn(definition: XmlElement): number | undefined {
  const units = listItems(definition, 'listOfUnits', 'unit');
  if (units.length !== 1) return undefined;
  const { kind, exponent = '1', scale = '0', multiplier = '1' } = units[0].attributes;
  if (kind !== 'second' || Number(exponent) !== 1) return undefined;
  return Number(multiplier) * portableMath.pow(10, Number(scale));
}

/**
 * The model's declared time unit (L3 `timeUnits`; L2 a redefined `time`) as text with its length in seconds
 * when it is a multiple of the second; undefined when the document declares none.
 */
export function readTimeUnit(model: XmlElement, level: number): { text: string; seconds?: number } | undefined {
  const id = level >= 3 ? model.attributes.timeUnits : 'time';
  if (id === undefined) return undefined;
  if (id === 'second') return { text: 'second', seconds: 1 };
  const definition = listItems(model, 'listOfUnitDefinitions', 'unitDefinition').find((d) => d.attributes.id === id);
  if (!definition) return level >= 3 ? { text: id } : undefined;
  return { text: readUnitDefinitions(model).get(id) ?? id, seconds: secondsIn(definition) };
}

/** SBML Level 2's built-in units, used when a document does not redefine them. */
const LEVEL2_DEFAULTS: Readonly<Record<string, string>> = {
  substance: 'mole',
  volume: 'litre',
  area: 'metre^2',
  length: 'metre',
  time: 'second',
};

/** A unit reference (an SBML unit id or a base unit kind) as text, or undefined when absent. */
export function unitName(units: ReadonlyMap<string, string>, id: string | undefined): string | undefined {
  if (id === undefined || id === '') return undefined;
  return units.get(id) ?? LEVEL2_DEFAULTS[id] ?? id;
}
