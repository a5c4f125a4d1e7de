// Property: whatever a user drops in — a mangled FHIR Bundle, a fit document with odd parameters or data, any CSV
// text — the data readers and the fit's likelihood either read it or refuse it with a ValidationError naming a field
// (or a line); never another error.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { targetCellLimited } from '@immunotwin/model-within-host';
import {
  parseFhirObservations,
  parseObservationsCsv,
  scenarioFitProblem,
  ScenarioRunError,
  type FitParameter,
  type ScenarioFitOptions,
} from '../src/index.js';
import { fuzzParameters, fuzzTestTimeout } from './fuzz/fuzzSettings.js';
import { acceptOrRefuse, applyMutations, mutationsOf, OutcomeTally, type Outcome } from './fuzz/mutate.js';

const examples = (name: string): string =>
  readFileSync(new URL(`../../../examples/data/${name}`, import.meta.url), 'utf8');
const bundle: unknown = JSON.parse(examples('fhir-sars-cov-2-bundle.json'));
const hayden = examples('hayden1996.csv');
const untreated = parseObservationsCsv(hayden).find((d) => d.group === 'untreated');

/** A fit as the kernel or the CLI would hand it over: observation model, parameters, one arm. */
const fitDocument = {
  observation: {
    observations: [{ observable: 'log10V', expression: 'log10(V)', noise: { kind: 'gaussian', sigma: 'sigma' } }],
  },
  parameters: [
    { id: 'beta', lower: 1e-7, upper: 1e-3, scale: 'log' },
    { id: 'sigma', lower: 0.05, upper: 3, scale: 'linear', initial: 0.5 },
  ],
  experiments: [{ scenario: { model: 'target-cell-limited', duration: 8 }, data: [untreated] }],
};

/** The midpoint of a parameter's bounds on its scale (or its initial value). */
const start = (p: FitParameter): number =>
  p.initial ?? (p.scale === 'log' ? Math.sqrt(p.lower * p.upper) : (p.lower + p.upper) / 2);

/** Builds the fit and evaluates it once at its starting point; a solver failure is a ScenarioRunError. */
function buildAndEvaluate(doc: typeof fitDocument): Outcome | 'run failed (ScenarioRunError)' {
  try {
    return acceptOrRefuse(() => {
      const problem = scenarioFitProblem({
        plugin: targetCellLimited,
        ...(doc as unknown as Omit<ScenarioFitOptions, 'plugin'>),
      });
      problem.evaluate(Float64Array.from(problem.parameters, start));
    });
  } catch (error) {
    if (error instanceof Error && error.cause instanceof ScenarioRunError) return 'run failed (ScenarioRunError)';
    throw error;
  }
}

function fuzz<T>(name: string, arbitrary: fc.Arbitrary<T>, runs: number, read: (input: T) => string): void {
  const tally = new OutcomeTally(name);
  afterAll(() => tally.report());
  it(
    `${name}: read or refused with a ValidationError naming a field`,
    () =>
      fc.assert(
        fc.property(arbitrary, (input) => tally.add(read(input))),
        fuzzParameters(runs),
      ),
    fuzzTestTimeout,
  );
}

describe('fuzzed data and fits', () => {
  fuzz('FHIR bundle', mutationsOf(bundle), 300, (mutations) =>
    acceptOrRefuse(() => parseFhirObservations(applyMutations(bundle, mutations))),
  );
  fuzz('fit document', mutationsOf(fitDocument), 200, (mutations) =>
    buildAndEvaluate(applyMutations(fitDocument, mutations)),
  );
  const csvPieces = fc.constantFrom(',', '"', '\n', '\r\n', ' ', 'x', '1', '-2.5e3', 'time_h', 'value', 'log10V', '');
  const mangledCsv = fc
    .tuple(fc.nat({ max: hayden.length }), fc.nat({ max: 40 }), fc.array(csvPieces, { maxLength: 8 }))
    .map(([at, cut, pieces]) => hayden.slice(0, at) + pieces.join('') + hayden.slice(at + cut));
  fuzz('observations CSV', mangledCsv, 300, (text) => acceptOrRefuse(() => parseObservationsCsv(text)));
});
