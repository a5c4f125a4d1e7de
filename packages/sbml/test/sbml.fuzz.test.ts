// Property: every SBML text, however mangled, is either imported as a manifest that registers and runs, or refused
// with an SbmlImportError naming the element (the SBML reader's ValidationError: the CLI prints it as the user's
// error); never another error. Mutations start from SBML written by toSBML for built-in models and from a
// hand-written document with compartments, rules and a function definition.
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { innateAdaptive, targetCellLimited } from '@immunotwin/model-within-host';
import { ModelRegistry, runScenarioSync, ScenarioRunError } from '@immunotwin/engine';
import { fuzzParameters, fuzzTestTimeout } from '../../engine/test/fuzz/fuzzSettings.js';
import { expectRefusal, hostileValue, OutcomeTally } from '../../engine/test/fuzz/mutate.js';
import { fromSBML, SbmlImportError, toSBML } from '../src/index.js';
import { math, reaction, sbml } from './helpers.js';

const handWritten = sbml(`
  <listOfFunctionDefinitions>
    <functionDefinition id="hill">${math(
      '<lambda><bvar><ci>x</ci></bvar><bvar><ci>K</ci></bvar><apply><divide/><ci>x</ci><apply><plus/><ci>x</ci><ci>K</ci></apply></apply></lambda>',
    )}</functionDefinition>
  </listOfFunctionDefinitions>
  <listOfCompartments><compartment id="cell" size="2" spatialDimensions="3" constant="true"/></listOfCompartments>
  <listOfSpecies>
    <species id="S" compartment="cell" initialConcentration="3" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
    <species id="P" compartment="cell" initialAmount="0" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/>
  </listOfSpecies>
  <listOfParameters>
    <parameter id="k" value="1" constant="true"/>
    <parameter id="K" value="0.5" constant="true"/>
    <parameter id="total" constant="false"/>
  </listOfParameters>
  <listOfRules>${'<assignmentRule variable="total">'}${math('<apply><plus/><ci>S</ci><ci>P</ci></apply>')}</assignmentRule></listOfRules>
  <listOfReactions>${reaction(
    'convert',
    'S',
    'P:2',
    '<apply><times/><ci>k</ci><apply><ci>hill</ci><ci>S</ci><ci>K</ci></apply></apply>',
  )}</listOfReactions>`);

const bases = [handWritten, toSBML(targetCellLimited.manifest), toSBML(innateAdaptive.manifest)];

/** One text edit: an attribute's value replaced, a span cut, repeated or cut short, or odd text put in. */
type Edit =
  | { kind: 'attribute'; at: number; value: string }
  | { kind: 'cut' | 'repeat'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'truncate'; at: number };

const attributeValue = fc.oneof(
  hostileValue.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))),
  fc.constantFrom('NaN', 'INF', '-INF', '1e400', '-1', '2', '0', 'true', 'S', 'k', 'cell', 'x"y', '&amp;', '&lt;'),
);

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('attribute' as const), at: fc.nat(), value: attributeValue }) },
  fc.record({
    kind: fc.constantFrom('cut' as const, 'repeat' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 400 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.constantFrom(
        '<',
        '>',
        '</apply>',
        '<apply><divide/>',
        '<ci>S</ci>',
        '<cn>1e400</cn>',
        '<![CDATA[x]]>',
        '&bogus;',
        '<!--',
      ),
      fc.string({ maxLength: 12 }),
    ),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

/** Applies `edits` to `text` in order; positions wrap around the text's length. */
function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of edits) {
    if (e.kind === 'attribute') {
      const values = [...out.matchAll(/="([^"]*)"/g)];
      if (values.length === 0) continue;
      const match = values[e.at % values.length];
      const start = match.index + 2;
      out = out.slice(0, start) + e.value.replace(/"/g, '&quot;') + out.slice(start + match[1].length);
      continue;
    }
    const at = e.at % (out.length + 1);
    if (e.kind === 'cut') out = out.slice(0, at) + out.slice(at + e.length);
    else if (e.kind === 'repeat')
      out = out.slice(0, at + e.length) + out.slice(at, at + e.length) + out.slice(at + e.length);
    else if (e.kind === 'insert') out = out.slice(0, at) + e.text + out.slice(at);
    else out = out.slice(0, at);
  }
  return out;
}

/** Imports, registers and runs one short ODE: 'refused', 'ran', or 'run failed' for a model whose solver gave up. */
function importAndRun(text: string): string {
  let manifest;
  try {
    manifest = fromSBML(text);
  } catch (error) {
    if (error instanceof SbmlImportError && error.element !== '' && error.message.length > error.element.length + 2) {
      return 'refused (SbmlImportError)';
    }
    throw new Error(`refused with something other than an SbmlImportError: ${String(error)}`, { cause: error });
  }
  const registry = new ModelRegistry();
  try {
    registry.register({ manifest });
    runScenarioSync(registry.resolve({ model: manifest.id, method: 'ode', duration: 1, outputInterval: 0.5 }));
    return 'ran';
  } catch (error) {
    if (error instanceof ScenarioRunError) return 'run failed (ScenarioRunError)';
    return expectRefusal(error);
  }
}

describe('fuzzed SBML', () => {
  const tally = new OutcomeTally('SBML');
  afterAll(() => tally.report());

  it(
    'is imported and runs, or is refused with an SbmlImportError naming the element',
    () => {
      const input = fc
        .tuple(fc.constantFrom(...bases.keys()), fc.array(edit, { minLength: 1, maxLength: 3 }))
        .map(([base, edits]) => ({ base, edits, text: applyEdits(bases[base], edits) }));
      fc.assert(
        fc.property(input, ({ text }) => tally.add(importAndRun(text))),
        fuzzParameters(150),
      );
    },
    fuzzTestTimeout,
  );
});
