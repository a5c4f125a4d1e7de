// Property: every document a user or a notebook hands the engine (a model manifest, a workbench state, a tissue
// bundle, a design, a plot or study bundle), however mangled, is either read or refused with a ValidationError
// naming a field; never another error.
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { targetCellLimited } from '@immunotwin/model-within-host';
import {
  checkPlugin,
  designPoints,
  encodeTissueFrame,
  ModelRegistry,
  parseDesign,
  parsePlotBundle,
  parseStudyBundle,
  parseTissue,
  parseWorkbenchState,
  runScenarioSync,
  ScenarioRunError,
  tissueFieldStride,
  TISSUE_BUNDLE_VERSION,
  type ModelManifest,
  type TissueJson,
  type TissueView,
} from '../src/index.js';
import { decayModel } from './fixtures/decayModel.js';
import { fullWorkbenchState, plot, study } from './fixtures/outputDocuments.js';
import { fuzzParameters, fuzzTestTimeout } from './fuzz/fuzzSettings.js';
import {
  acceptOrRefuse,
  applyMutations,
  expectRefusal,
  mutationsOf,
  OutcomeTally,
  type JsonPath,
} from './fuzz/mutate.js';

/** Runs `property` over mutations of `base` with the suite's settings, tallying what happened. */
function fuzzDocument<T>(
  name: string,
  base: T,
  runs: number,
  read: (doc: T) => string,
  extraPaths: readonly JsonPath[] = [],
): void {
  const tally = new OutcomeTally(name);
  afterAll(() => tally.report());
  it(
    `${name}: read or refused with a ValidationError naming a field`,
    () => {
      fc.assert(
        fc.property(mutationsOf(base, extraPaths), (mutations) => tally.add(read(applyMutations(base, mutations)))),
        fuzzParameters(runs),
      );
    },
    fuzzTestTimeout,
  );
}

const registry = new ModelRegistry();
registry.register(targetCellLimited);

/**
 * A manifest is checked as a plugin, then one short ODE run: a model that checks out may still fail in its
 * solver (it is the author's own model), which must come as a ScenarioRunError naming the values.
 */
function checkAndRun(manifest: ModelManifest): string {
  try {
    checkPlugin({ manifest });
  } catch (error) {
    return expectRefusal(error);
  }
  const own = new ModelRegistry();
  own.register({ manifest });
  try {
    const scenario = own.resolve({ model: manifest.id, method: 'ode', duration: 1, outputInterval: 0.5 });
    runScenarioSync(scenario);
    return 'ran';
  } catch (error) {
    if (error instanceof ScenarioRunError) return 'run failed (ScenarioRunError)';
    return expectRefusal(error);
  }
}

/** A small picture: a 12² lattice in two states, a field and two immune cells. */
function tissueBundle(): TissueJson {
  const side = 12;
  const view: TissueView = {
    width: side,
    height: side,
    siteSize: 5,
    cells: Uint8Array.from({ length: side * side }, (_, i) => i % 2),
    cellStates: ['healthy', 'infected'],
    fields: { virions: { values: Float32Array.from({ length: side * side }, (_, i) => i), unit: 'virions' } },
    agents: { sites: Int32Array.of(0, 5), types: Uint8Array.of(0, 1), agentTypes: ['cd8', 'nk'] },
  };
  return {
    version: TISSUE_BUNDLE_VERSION,
    model: 'lung',
    title: 'Lung',
    timeUnit: 'day',
    width: side,
    height: side,
    siteSize: 5,
    cellStates: ['healthy', 'infected'],
    agentTypes: ['cd8', 'nk'],
    field: { id: 'virions', unit: 'virions' },
    fieldStride: tissueFieldStride(side, side),
    frames: [encodeTissueFrame(view, 0.5, 'virions'), encodeTissueFrame(view, 1, 'virions')],
  };
}

describe('fuzzed documents', () => {
  fuzzDocument('network manifest', structuredClone(decayModel.manifest), 300, checkAndRun);
  fuzzDocument('built-in manifest', structuredClone(targetCellLimited.manifest), 60, checkAndRun);

  fuzzDocument('workbench state', fullWorkbenchState, 400, (doc) => acceptOrRefuse(() => parseWorkbenchState(doc)));

  fuzzDocument('tissue bundle', tissueBundle(), 400, (doc) => acceptOrRefuse(() => parseTissue(doc)), [
    ['live', 'fraction'],
    ['live', 'pictures'],
  ]);

  fuzzDocument(
    'design',
    {
      version: 1,
      name: 'small design',
      scenario: { model: 'target-cell-limited', method: 'ssa', parameters: { U0: 1000, V0: 5 }, duration: 2 },
      parameters: [
        { id: 'beta', range: [3e-5, 3e-4], scale: 'log' },
        { id: 'c', distribution: { kind: 'log-normal', mu: 1.1, sigma: 0.3, truncate: { lower: 0.1, upper: 20 } } },
        { id: 'p', values: [10, 20, 40] },
      ],
      design: { kind: 'lhs', n: 8, seed: 11 },
      outcomes: [{ observable: 'V', summary: 'peak' }],
    },
    400,
    // As `immunotwin validate` and `sweep` read a design: its format, its scenario, then its points.
    (doc) =>
      acceptOrRefuse(() => {
        const design = parseDesign(doc);
        const { manifest } = registry.resolve(design.scenario).plugin;
        designPoints(design, manifest);
      }),
    [
      ['design', 'n'],
      ['design', 'levels'],
      ['design', 'trajectories'],
      ['design', 'kind'],
    ],
  );

  fuzzDocument('plot bundle', plot, 300, (doc) => acceptOrRefuse(() => parsePlotBundle(doc)));

  fuzzDocument('study bundle', study, 300, (doc) => acceptOrRefuse(() => parseStudyBundle(doc)));
});
