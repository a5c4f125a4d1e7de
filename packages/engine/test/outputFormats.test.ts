import { describe, expect, it } from 'vitest';
import {
  parsePatientState,
  parsePlotBundle,
  parseStudyBundle,
  parseTissue,
  parseWorkbenchState,
  PatientStateSchema,
  PlotBundleSchema,
  SchemaValidator,
  StudyBundleSchema,
  TissueJsonSchema,
  ValidationError,
  WorkbenchStateSchema,
  type BarsFigure,
  type HeatmapFigure,
} from '@immunotwin/engine';
import { plot, study } from './fixtures/outputDocuments.js';

// The notebook output formats are read with validators compiled ahead of time (formats/validators/, written by
// scripts/write-schemas.mjs) so a page showing outputs loads no validator compiler. They must say exactly what
// the run-time validator of the same schema says.

/** The issues a parser reports for `value` (none when it accepts it). */
function issuesOf(parse: (value: unknown) => unknown, value: unknown) {
  try {
    parse(value);
    return [];
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.issues;
  }
}

describe('the plot bundle', () => {
  it('is read when valid (null marks a gap)', () => {
    expect(parsePlotBundle(plot)).toEqual(plot);
    expect(parsePlotBundle(JSON.stringify(plot))).toEqual(plot);
  });

  it('is refused with the field, the value and what is allowed', () => {
    expect(() => parsePlotBundle({ ...plot, version: 2 })).toThrow('format version 2 is not supported; allowed: 1');
    expect(() => parsePlotBundle({ ...plot, observables: ['W'] })).toThrow(
      'observables[0]: unknown observable "W"; allowed: V, I',
    );
    expect(() => parsePlotBundle({ ...plot, runs: [{ time: [0, 1], observables: { V: [1] } }] })).toThrow(
      'runs[0].observables.V: has 1 values; expected 2 (one per sample time)',
    );
    expect(() => parsePlotBundle({ ...plot, logY: 'yes' })).toThrow('logY: must be boolean; got "yes"');
  });
});

describe('the study bundle', () => {
  it('is read when valid', () => {
    expect(parseStudyBundle(study)).toEqual(study);
    expect(parseStudyBundle(JSON.stringify(study))).toEqual(study);
  });

  it('is refused when a figure has not one value per point, naming where', () => {
    const heatmap = study.figures[0] as HeatmapFigure;
    const bars = study.figures[1] as BarsFigure;
    expect(() => parseStudyBundle({ ...study, figures: [{ ...heatmap, z: [[1, 2]] }] })).toThrow(
      'figures[0].z: has 1 values; expected 3',
    );
    expect(() => parseStudyBundle({ ...study, figures: [{ ...heatmap, z: [[1], [2, 3], [4, 5]] }] })).toThrow(
      'figures[0].z[0]: has 1 values; expected 2',
    );
    expect(() =>
      parseStudyBundle({ ...study, figures: [{ ...bars, series: [{ name: 'PRCC', values: [0.9] }] }] }),
    ).toThrow('figures[0].series[0].values: has 1 values; expected 2');
    expect(() => parseStudyBundle({ ...study, runs: 0 })).toThrow('runs');
  });
});

describe('validators compiled ahead of time', () => {
  const cases: [string, (value: unknown) => unknown, SchemaValidator<never>, unknown[]][] = [
    [
      'plot bundle',
      parsePlotBundle,
      new SchemaValidator(PlotBundleSchema, 'plot bundle') as SchemaValidator<never>,
      [{ ...plot, logY: 1 }, { ...plot, model: { ...plot.model, id: 'Bad Id' } }, { ...plot, colour: 'red' }, {}],
    ],
    [
      'study bundle',
      parseStudyBundle,
      new SchemaValidator(StudyBundleSchema, 'study bundle') as SchemaValidator<never>,
      [{ ...study, runs: 1.5 }, { ...study, figures: [{ kind: 'pie', title: 'x' }] }, { ...study, figures: [] }, {}],
    ],
    [
      'workbench state',
      parseWorkbenchState,
      new SchemaValidator(WorkbenchStateSchema, 'workbench state') as SchemaValidator<never>,
      [
        { version: 1, scenario: { model: 'target-cell-limited', duration: -1 } },
        { version: 1, scenario: { model: 'target-cell-limited' }, view: { speed: 0 } },
        { version: 1, scenario: { model: 'target-cell-limited', method: 'euler' } },
        { version: 1 },
      ],
    ],
    [
      'tissue bundle',
      parseTissue,
      new SchemaValidator(TissueJsonSchema, 'tissue bundle') as SchemaValidator<never>,
      [{ version: 1, width: 0 }, {}],
    ],
    [
      'patient state',
      parsePatientState,
      new SchemaValidator(PatientStateSchema, 'patient state') as SchemaValidator<never>,
      [
        {
          version: 1,
          scenario: { model: 'target-cell-limited' },
          data: [],
          fit: {},
          assimilate: { estimate: {}, day: 0 },
        },
        { version: 1, scenario: { model: 'target-cell-limited' } },
        {},
      ],
    ],
  ];
  for (const [what, parse, runtime, bad] of cases) {
    it(`say what the run-time validator says: ${what}`, () => {
      for (const value of bad) {
        const compiled = issuesOf(parse, value);
        expect(compiled.length).toBeGreaterThan(0);
        expect(compiled).toEqual(runtime.issues(value));
      }
    });
  }
});
