import { describe, expect, it } from 'vitest';
import { fromSBML, importSBML } from '../src/index.js';
import { math, reaction, sbml, simulate } from './helpers.js';

const ci = (name: string): string => `<ci>${name}</ci>`;
const cn = (text: string): string => `<cn>${text}</cn>`;
const apply = (op: string, ...args: string[]): string => `<apply><${op}/>${args.join('')}</apply>`;

/** S decays by the kinetic law k·[S] in a compartment of volume 2: d[S]/dt = −k·[S]/2. */
const decayInVolume2 = sbml(`
  <listOfCompartments><compartment id="cell" size="2" spatialDimensions="3" constant="true"/></listOfCompartments>
  <listOfSpecies>
    <species id="S" name="Substrate" compartment="cell" initialConcentration="3" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
  </listOfSpecies>
  <listOfParameters><parameter id="k" value="1" constant="true"/></listOfParameters>
  <listOfReactions>${reaction('decay', 'S', '', apply('times', ci('k'), ci('S')))}</listOfReactions>`);

describe('fromSBML: compartments, amounts and concentrations', () => {
  it('keeps amounts as state, reports concentrations as amount / size, and reads kinetic laws in concentrations', () => {
    const m = fromSBML(decayInVolume2);
    expect(m.network!.species).toEqual([expect.objectContaining({ id: 'S', label: 'Substrate', initial: '3 * cell' })]);
    expect(m.network!.reactions).toEqual([
      { id: 'decay', reactants: { S: 1 }, products: {}, law: 'custom', rate: 'k * (S / cell)' },
    ]);
    expect(m.observables).toEqual([
      {
        id: 'S',
        label: 'Substrate',
        unit: 'concentration (SBML gives no unit)',
        expression: 'S / cell',
      },
    ]);
    const run = simulate(m, { duration: 2, outputInterval: 1 });
    // [S](t) = 3·e^(−k·t/V) with k = 1, V = 2 (SBML: the rate is amount per time, the state an amount).
    expect(run.observables.S[0]).toBe(3);
    expect(run.observables.S[1]).toBeCloseTo(3 * Math.exp(-0.5), 9);
    expect(run.observables.S[2]).toBeCloseTo(3 * Math.exp(-1), 9);
  });

  it('reads species with hasOnlySubstanceUnits as amounts, and converts initial values between the two', () => {
    const m = fromSBML(
      sbml(`
      <listOfCompartments><compartment id="c" size="4" constant="true"/></listOfCompartments>
      <listOfSpecies>
        <species id="A" compartment="c" initialConcentration="2" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/>
        <species id="B" compartment="c" initialAmount="8" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
      </listOfSpecies>
      <listOfParameters><parameter id="k" value="0.5" constant="true"/></listOfParameters>
      <listOfReactions>${reaction('conv', 'A', 'B', apply('times', ci('k'), ci('A')))}</listOfReactions>`),
    );
    expect(m.network!.species.map((s) => [s.id, s.initial])).toEqual([
      ['A', '2 * c'],
      ['B', '8'],
    ]);
    expect(m.observables.map((o) => [o.id, o.expression])).toEqual([
      ['A', undefined],
      ['B', 'B / c'],
    ]);
    expect(m.network!.reactions[0].rate).toBe('k * A');
    const run = simulate(m, { duration: 1, outputInterval: 1 });
    expect(run.observables.A[0]).toBe(8); // amount 2·4
    expect(run.observables.B[0]).toBe(2); // concentration 8/4
    // A(t) = 8·e^(−t/2); B gains what A loses, in amount: [B] = (8 + 8(1 − e^(−1/2)))/4.
    expect(run.observables.A[1]).toBeCloseTo(8 * Math.exp(-0.5), 9);
    expect(run.observables.B[1]).toBeCloseTo((8 + 8 * (1 - Math.exp(-0.5))) / 4, 9);
  });

  it('keeps boundary and constant species out of the stoichiometry', () => {
    const m = fromSBML(
      sbml(`
      <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
      <listOfSpecies>
        <species id="Src" compartment="c" initialAmount="5" hasOnlySubstanceUnits="true" boundaryCondition="true" constant="false"/>
        <species id="X" compartment="c" initialAmount="0" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/>
      </listOfSpecies>
      <listOfParameters><parameter id="k" value="2" constant="true"/></listOfParameters>
      <listOfReactions>${reaction('feed', 'Src', 'X', apply('times', ci('k'), ci('Src')))}</listOfReactions>`),
    );
    expect(m.network!.reactions[0]).toMatchObject({ reactants: {}, products: { X: 1 }, rate: 'k * Src' });
    const run = simulate(m, { duration: 1, outputInterval: 1 });
    expect(run.observables.Src[1]).toBe(5);
    expect(run.observables.X[1]).toBeCloseTo(10, 9);
  });
});

describe('fromSBML: parameters', () => {
  it('renames local parameters to be unique, with unit, range and source on every parameter', () => {
    const m = fromSBML(
      sbml(
        `<annotation><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:bqmodel="http://biomodels.net/model-qualifiers/">
          <rdf:Description rdf:about="#m"><bqmodel:isDescribedBy><rdf:Bag><rdf:li rdf:resource="http://identifiers.org/pubmed/16873256"/></rdf:Bag></bqmodel:isDescribedBy></rdf:Description></rdf:RDF></annotation>
        <listOfUnitDefinitions>
          <unitDefinition id="per_day"><listOfUnits><unit kind="second" exponent="-1" scale="0" multiplier="86400"/></listOfUnits></unitDefinition>
          <unitDefinition id="mM"><listOfUnits><unit kind="mole" exponent="1" scale="-3" multiplier="1"/><unit kind="litre" exponent="-1" scale="0" multiplier="1"/></listOfUnits></unitDefinition>
        </listOfUnitDefinitions>
        <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
        <listOfSpecies><species id="X" compartment="c" initialAmount="1" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/></listOfSpecies>
        <listOfParameters>
          <parameter id="R1_k" value="-0.5" units="mM" constant="true"/>
          <parameter id="g" value="0" constant="true"/>
        </listOfParameters>
        <listOfReactions>${reaction('R1', 'X', '', apply('times', ci('k'), ci('X')), '<localParameter id="k" value="3" units="per_day"/>')}</listOfReactions>`,
      ),
    );
    const byId = Object.fromEntries(m.parameters.map((p) => [p.id, p]));
    expect(Object.keys(byId)).toEqual(['c', 'R1_k', 'g', 'R1_k_2']);
    expect(m.network!.reactions[0].rate).toBe('R1_k_2 * X');
    // Range rule: [0, max(10·v, 1)] for v ≥ 0, [−m, m] with m = max(10·|v|, 1) for v < 0.
    expect(byId.R1_k_2).toMatchObject({ default: 3, min: 0, max: 30, scale: 'linear', unit: '(86400 second)^-1' });
    expect(byId.R1_k).toMatchObject({ default: -0.5, min: -5, max: 5, unit: 'mmole litre^-1' });
    expect(byId.g).toMatchObject({ default: 0, min: 0, max: 1, unit: 'dimensionless (from SBML)' });
    expect(byId.R1_k_2.description).toBe('Local parameter of SBML reaction "R1".');
    for (const p of m.parameters)
      expect(p.source).toBe('SBML model m: Test model (http://identifiers.org/pubmed/16873256)');
  });

  it('evaluates initial assignments of parameters and keeps those of species as expressions of parameters', () => {
    const m = fromSBML(
      sbml(`
      <listOfCompartments><compartment id="c" size="2" constant="true"/></listOfCompartments>
      <listOfSpecies><species id="X" compartment="c" initialConcentration="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/></listOfSpecies>
      <listOfParameters><parameter id="a" value="3" constant="true"/><parameter id="b" constant="true"/></listOfParameters>
      <listOfInitialAssignments>
        <initialAssignment symbol="b">${math(apply('times', cn('2'), ci('a')))}</initialAssignment>
        <initialAssignment symbol="X">${math(apply('plus', ci('a'), ci('b')))}</initialAssignment>
      </listOfInitialAssignments>
      <listOfReactions>${reaction('r', 'X', '', apply('times', ci('a'), ci('X')))}</listOfReactions>`),
    );
    expect(m.parameters.find((p) => p.id === 'b')!.default).toBe(6);
    expect(m.network!.species[0].initial).toBe('(a + b) * c'); // a concentration of 9 in volume 2
    expect(simulate(m, { duration: 1, outputInterval: 1 }).observables.X[0]).toBe(9);
  });
});

describe('fromSBML: function definitions and rules', () => {
  const model = sbml(`
    <listOfFunctionDefinitions>
      <functionDefinition id="sq">${math(`<lambda><bvar><ci>x</ci></bvar>${apply('times', ci('x'), ci('x'))}</lambda>`)}</functionDefinition>
      <functionDefinition id="mm">${math(`<lambda><bvar><ci>v</ci></bvar><bvar><ci>s</ci></bvar><bvar><ci>km</ci></bvar>${apply('divide', apply('times', ci('v'), `<apply><ci>sq</ci>${ci('s')}</apply>`), apply('plus', ci('km'), ci('s')))}</lambda>`)}</functionDefinition>
    </listOfFunctionDefinitions>
    <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
    <listOfSpecies>
      <species id="S" compartment="c" initialAmount="4" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/>
      <species id="Total" compartment="c" initialAmount="0" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/>
    </listOfSpecies>
    <listOfParameters>
      <parameter id="vmax" value="2" constant="true"/>
      <parameter id="km" value="1" constant="true"/>
      <parameter id="half" constant="false"/>
      <parameter id="z" value="1" constant="false"/>
    </listOfParameters>
    <listOfRules>
      <assignmentRule variable="half">${math(apply('divide', ci('S'), cn('2')))}</assignmentRule>
      <assignmentRule variable="Total">${math(apply('plus', ci('S'), ci('half')))}</assignmentRule>
      <rateRule variable="z">${math(apply('times', cn('0.1'), ci('half')))}</rateRule>
    </listOfRules>
    <listOfReactions>${reaction('use', 'S', '', `<apply><ci>mm</ci>${ci('vmax')}${ci('S')}${ci('km')}</apply>`)}</listOfReactions>`);

  it('inlines function definitions (also nested) and substitutes assignment rules', () => {
    const m = fromSBML(model);
    expect(m.network!.reactions[0].rate).toBe('vmax * (S * S) / (km + S)');
    expect(m.observables.find((o) => o.id === 'Total')!.expression).toBe('S + S / 2');
    expect(m.observables.find((o) => o.id === 'half')!.expression).toBe('S / 2');
    expect(m.network!.species.map((s) => s.id)).toEqual(['S', 'z']); // Total is a rule, z a rate-rule state
  });

  it('turns a rate rule into a reaction with no reactants', () => {
    const m = fromSBML(model);
    expect(m.network!.reactions[1]).toEqual({
      id: 'rateRule_z',
      label: 'rate rule for z',
      reactants: {},
      products: { z: 1 },
      law: 'custom',
      rate: '0.1 * (S / 2)',
    });
    const run = simulate(m, { duration: 1, outputInterval: 0.5 });
    expect(run.observables.Total[0]).toBe(6);
    expect(run.observables.z[0]).toBe(1);
  });

  it('scales a rate rule on a concentration by the compartment size', () => {
    const m = fromSBML(
      sbml(`
      <listOfCompartments><compartment id="c" size="5" constant="true"/></listOfCompartments>
      <listOfSpecies><species id="X" compartment="c" initialConcentration="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/></listOfSpecies>
      <listOfParameters><parameter id="r" value="0.5" constant="true"/></listOfParameters>
      <listOfRules><rateRule variable="X">${math(ci('r'))}</rateRule></listOfRules>`),
    );
    expect(m.network!.reactions[0].rate).toBe('c * r');
    const run = simulate(m, { duration: 2, outputInterval: 2 });
    expect(run.observables.X[1]).toBeCloseTo(2, 10); // d[X]/dt = 0.5 for 2 days
  });

  it('splits a reaction with non-integer stoichiometry into one rate per species', () => {
    const m = fromSBML(
      sbml(`
      <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
      <listOfSpecies>
        <species id="A" compartment="c" initialAmount="1" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/>
        <species id="B" compartment="c" initialAmount="0" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/>
      </listOfSpecies>
      <listOfParameters><parameter id="k" value="1" constant="true"/></listOfParameters>
      <listOfReactions>${reaction('half', 'A', 'B:0.5', apply('times', ci('k'), ci('A')))}</listOfReactions>`),
    );
    expect(m.network!.reactions.map((r) => [r.id, r.products, r.rate])).toEqual([
      ['half__A', { A: 1 }, '-1 * (k * A)'],
      ['half__B', { B: 1 }, '0.5 * (k * A)'],
    ]);
    const run = simulate(m, { duration: 1, outputInterval: 1 });
    expect(run.observables.B[1]).toBeCloseTo(0.5 * (1 - Math.exp(-1)), 9);
  });

  it('reads piecewise terms in time', () => {
    const m = fromSBML(
      sbml(`
      <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
      <listOfSpecies><species id="X" compartment="c" initialAmount="0" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/></listOfSpecies>
      <listOfReactions>${reaction(
        'make',
        '',
        'X',
        `<piecewise><piece>${cn('2')}${apply('lt', '<csymbol definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol>', cn('1'))}</piece><otherwise>${cn('0')}</otherwise></piecewise>`,
      )}</listOfReactions>`),
    );
    expect(m.network!.reactions[0].rate).toBe('if(time < 1, 2, 0)');
    const run = simulate(m, { duration: 3, outputInterval: 1 });
    expect(run.observables.X[1]).toBeCloseTo(2, 6);
    expect(run.observables.X[3]).toBeCloseTo(2, 6);
  });
});

describe('fromSBML: events, time units, Level 2', () => {
  const eventModel = (
    assignments: string,
    trigger = apply('geq', '<csymbol definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol>', ci('tDose')),
  ) =>
    sbml(`
    <listOfCompartments><compartment id="c" size="2" constant="true"/></listOfCompartments>
    <listOfSpecies>
      <species id="X" compartment="c" initialConcentration="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
    </listOfSpecies>
    <listOfParameters><parameter id="k" value="0.1" constant="false"/><parameter id="tDose" value="2" constant="true"/></listOfParameters>
    <listOfReactions>${reaction('loss', 'X', '', apply('times', ci('k'), ci('X')))}</listOfReactions>
    <listOfEvents><event id="dose" useValuesFromTriggerTime="true"><trigger initialValue="false" persistent="true">${math(trigger)}</trigger>
      <listOfEventAssignments>${assignments}</listOfEventAssignments></event></listOfEvents>`);

  it('maps a fixed-time event that adds, multiplies or sets onto an intervention and its schedule', () => {
    const add = importSBML(
      eventModel(`<eventAssignment variable="X">${math(apply('plus', ci('X'), cn('3')))}</eventAssignment>`),
    );
    expect(add.schedule).toEqual([{ kind: 'dose', start: 2 }]);
    expect(add.manifest.interventions[0]).toMatchObject({
      kind: 'dose',
      hasStop: false,
      effects: [{ type: 'add', species: 'X', amount: '3 * c' }],
    });
    const times = importSBML(
      eventModel(`<eventAssignment variable="X">${math(apply('times', cn('0.25'), ci('X')))}</eventAssignment>`),
    );
    expect(times.manifest.interventions[0].effects).toEqual([
      { type: 'removeFraction', species: 'X', fraction: '1 - 0.25' },
    ]);
    const set = importSBML(
      eventModel(
        `<eventAssignment variable="X">${math(cn('5'))}</eventAssignment><eventAssignment variable="k">${math(cn('0.3'))}</eventAssignment>`,
      ),
    );
    expect(set.manifest.interventions[0].effects).toEqual([
      { type: 'removeFraction', species: 'X', fraction: '1' },
      { type: 'add', species: 'X', amount: '5 * c' },
      { type: 'scale', parameter: 'k', factor: '0.3 / k' },
    ]);
    // Fired at t = 2: [X] jumps to 5 (the sample at t = 2 is taken after it), then decays at k = 0.3 over volume 2.
    const run = simulate(set.manifest, { duration: 4, outputInterval: 1, interventions: [...set.schedule] });
    expect(run.observables.X[1]).toBeCloseTo(Math.exp((-0.1 * 1) / 2), 9);
    expect(run.observables.X[2]).toBe(5);
    expect(run.observables.X[4]).toBeCloseTo(5 * Math.exp((-0.3 * 2) / 2), 9);
  });

  it('refuses events that do not map, naming the event', () => {
    expect(() =>
      fromSBML(
        eventModel(`<eventAssignment variable="X">${math(cn('1'))}</eventAssignment>`, apply('gt', ci('X'), cn('3'))),
      ),
    ).toThrow(/^<event id="dose">: its trigger "X > 3" is not a fixed time; supported: a trigger "time >= t0"/);
    expect(() =>
      fromSBML(eventModel(`<eventAssignment variable="X">${math(apply('power', ci('X'), cn('2')))}</eventAssignment>`)),
    ).toThrow(/^<event id="dose">: its assignment to "X" \(X \^ 2\) does not map onto an intervention/);
    expect(() => fromSBML(eventModel('').replace('<trigger', `<delay>${math(cn('1'))}</delay><trigger`))).toThrow(
      /^<event id="dose">: has a delay; delayed events are not supported/,
    );
  });

  it('reads declared day and hour time units, converts other multiples of the second, and refuses the rest', () => {
    const withUnit = (id: string, seconds: number, kind = 'second') =>
      decayInVolume2
        .replace('id="m" name="Test model"', `id="m" name="Test model" timeUnits="${id}"`)
        .replace(
          '<listOfCompartments>',
          `<listOfUnitDefinitions><unitDefinition id="${id}"><listOfUnits><unit kind="${kind}" exponent="1" scale="0" multiplier="${seconds}"/></listOfUnits></unitDefinition></listOfUnitDefinitions><listOfCompartments>`,
        );
    expect(fromSBML(withUnit('d', 86400)).timeUnit).toBe('day');
    expect(fromSBML(withUnit('d', 86400)).network!.reactions[0].rate).toBe('k * (S / cell)');
    expect(fromSBML(withUnit('h', 3600)).timeUnit).toBe('hour');
    // k = 1 per minute is 60 per hour: d[S]/dt = −60·[S]/2 per hour.
    const minutes = fromSBML(withUnit('minute', 60), { timeUnit: 'hour' });
    expect(minutes.timeUnit).toBe('hour');
    expect(minutes.network!.reactions[0].rate).toBe('60 * (k * (S / cell))');
    expect(minutes.assumptions).toContain(
      'The SBML time unit is 60 s ((60 second)); times are converted to hours: rates × 60, event times ÷ 60.',
    );
    const run = simulate(minutes, { duration: 0.1, outputInterval: 0.1 });
    expect(run.observables.S[1]).toBeCloseTo(3 * Math.exp(-3), 9);
    expect(() => fromSBML(withUnit('odd', 2, 'metre'))).toThrow(
      /^<model id="m">: its time unit is \(2 metre\), which is not a multiple of the second; supported: a multiple of the second, or no declared unit$/,
    );
    const none = fromSBML(decayInVolume2, { timeUnit: 'hour' });
    expect(none.timeUnit).toBe('hour');
    expect(none.assumptions).toContain('The SBML document declares no time unit; its times are read as hours.');
  });

  it('reads Level 2 documents with their defaults (concentrations, constant parameters)', () => {
    const l2 = `<?xml version="1.0"?><sbml xmlns="http://www.sbml.org/sbml/level2/version4" level="2" version="4"><model id="old_model">
      <listOfCompartments><compartment id="c" size="2"/></listOfCompartments>
      <listOfSpecies><species id="S" compartment="c" initialConcentration="1"/></listOfSpecies>
      <listOfReactions><reaction id="r"><listOfReactants><speciesReference species="S"/></listOfReactants>
        <kineticLaw>${math(apply('times', ci('k'), ci('S')))}<listOfParameters><parameter id="k" value="4"/></listOfParameters></kineticLaw></reaction></listOfReactions>
    </model></sbml>`;
    const m = fromSBML(l2);
    expect(m.id).toBe('old-model');
    expect(m.network!.reactions[0].rate).toBe('r_k * (S / c)');
    expect(m.observables[0]).toMatchObject({ expression: 'S / c', unit: 'mole/litre' });
    expect(simulate(m, { duration: 1, outputInterval: 1 }).observables.S[1]).toBeCloseTo(Math.exp(-2), 9);
  });
});

describe('fromSBML refusals name the element and what is supported', () => {
  const base = (extra: string, attributes = '') =>
    `<?xml version="1.0"?><sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2"${attributes}><model id="m">
      <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
      <listOfSpecies><species id="S" compartment="c" initialAmount="1" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/></listOfSpecies>
      <listOfParameters><parameter id="k" value="1" constant="true"/><parameter id="y" value="1" constant="false"/></listOfParameters>
      ${extra}</model></sbml>`;
  const decay = `<listOfReactions>${reaction('r', 'S', '', apply('times', ci('k'), ci('S')))}</listOfReactions>`;

  it.each([
    [
      base(
        `<listOfRules><algebraicRule>${math(apply('minus', ci('y'), ci('S')))}</algebraicRule></listOfRules>${decay}`,
      ),
      /^<algebraicRule>: algebraic rules are not supported; supported: assignment rules and rate rules$/,
    ],
    [
      base(decay.replace('reversible="false"', 'reversible="false" fast="true"')),
      /^<reaction id="r">: is fast \(fast="true"\); fast reactions are not supported/,
    ],
    [
      base(decay, ' xmlns:fbc="http://www.sbml.org/sbml/level3/version1/fbc/version2" fbc:required="false"'),
      /^<sbml>: uses an SBML Level 3 package \(required="false"\); only SBML core is supported/,
    ],
    [
      base(`${decay}<fbc:listOfObjectives xmlns:fbc="http://www.sbml.org/sbml/level3/version1/fbc/version2"/>`),
      /^<listOfObjectives> in <model id="m">: is not SBML core \(a package\?\); supported: compartments, species/,
    ],
    [
      base(`<listOfRules><rateRule variable="c">${math(cn('1'))}</rateRule></listOfRules>${decay}`),
      /^<rateRule variable="c">: changes a compartment size; only compartments of constant size are supported$/,
    ],
    [
      base(`<listOfReactions>${reaction('r', 'S', '', apply('times', ci('kk'), ci('S')))}</listOfReactions>`),
      /^<kineticLaw> of <reaction id="r">: refers to "kk", which is not a compartment, species or parameter of the model$/,
    ],
    [
      base(`<listOfReactions>${reaction('r', 'S', '', `<apply><ci>f</ci>${ci('S')}</apply>`)}</listOfReactions>`),
      /^<kineticLaw> of <reaction id="r">: calls "f", which is not a function definition; defined: \(none\)$/,
    ],
    [
      base('<listOfReactions><reaction id="r"></reaction></listOfReactions>'),
      /^<reaction id="r">: has no kineticLaw; every reaction needs a rate$/,
    ],
    [base(''), /^<model id="m">: has no reactions and no rate rules; a reaction network needs species that change$/],
    [
      base(decay).replace('<parameter id="y"', '<parameter id="time"'),
      /^<parameter id="time">: "time" is the simulated time in ImmunoTwin expressions; rename this SBML parameter$/,
    ],
    ['<sbml level="1" version="2"><model/></sbml>', /^<sbml>: is Level 1; supported: SBML Level 2 and Level 3 core$/],
    [
      '<sbml level="3" version="2"><model id="m"></sbml>',
      /^document: is not well-formed XML: .* \(line 1, column \d+\)$/,
    ],
    // Found by fuzzing: a processing instruction with a stray quote passes the XML validator, and the parser then threw
    // a plain Error ("Pi Tag is not closed.") instead of the importer's error naming the document.
    [
      '<?"?><sbml level="3" version="2"><model id="m"/></sbml>',
      /^document: is not well-formed XML: Pi Tag is not closed\.$/,
    ],
    // Found by fuzzing: the validator gives no column for some errors; the message no longer says "column undefined".
    [
      '<?xml version<sbml level="3" version="2"><model id="m"/></sbml>',
      /^document: is not well-formed XML: Start tag expected\. \(line 1\)$/,
    ],
    [
      base(
        `<listOfRules><assignmentRule variable="y">${math(ci('S'))}</assignmentRule></listOfRules>${decay}<listOfEvents><event id="e"><trigger>${math(apply('geq', '<csymbol definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol>', cn('1')))}</trigger><listOfEventAssignments><eventAssignment variable="y">${math(cn('2'))}</eventAssignment></listOfEventAssignments></event></listOfEvents>`,
      ),
      /^<event id="e">: assigns "y", which is neither a species nor a parameter that no rule sets/,
    ],
  ])('refuses case %#', (text, message) => {
    expect(() => fromSBML(text)).toThrow(message);
  });
});
