import { intervention, interventionField, observable, parameter, type ModelManifest } from '@immunotwin/engine';

/**
 * What the model is, as data: its parameters (each with a unit, a range and a source), observables,
 * interventions, assumptions and references. The JupyterLab page reads only this file; the model's code
 * (model.ts) loads in the kernels' and workbenches' workers.
 *
 * The starting model is a placeholder to replace with your own: serum antibody decaying at first order, with
 * booster doses. The builders (`parameter`, `observable`, `intervention`, `interventionField`) keep every id a
 * literal type, so the model's code cannot misspell one: `context.parameters.halfLfe` does not compile.
 */
export const manifest = {
  id: '__MODEL_ID__',
  title: '__MODEL_TITLE__',
  version: '0.1.0',
  description: 'Serum antibody decaying at first order, raised by booster doses (the template model: replace it).',
  timeUnit: 'day',
  methods: ['agent'],
  defaults: { duration: 120, outputInterval: 1 },
  parameters: [
    parameter({
      id: 'halfLife',
      label: 'antibody half-life',
      unit: 'day',
      default: 21,
      min: 1,
      max: 100,
      scale: 'linear',
      description: 'serum half-life of the antibody',
      source: 'IgG serum half-life of about three weeks (standard immunology textbooks); illustrative',
    }),
    parameter({
      id: 'A0',
      label: 'initial antibody',
      unit: 'AU/mL',
      default: 100,
      min: 0.1,
      max: 1e6,
      scale: 'log',
      description: 'antibody concentration at time 0',
      source: 'illustrative',
    }),
  ],
  observables: [observable({ id: 'A', label: 'Antibody', unit: 'AU/mL', description: 'serum antibody concentration' })],
  interventions: [
    intervention({
      kind: 'boost',
      label: 'Booster',
      description: 'raises the antibody concentration at once',
      hasStop: false,
      fields: [
        interventionField({
          id: 'dose',
          label: 'rise',
          unit: 'AU/mL',
          default: 100,
          min: 0,
          max: 1e6,
          description: 'antibody added by the booster',
        }),
      ],
    }),
  ],
  presets: [],
  assumptions: [
    'One well-mixed serum pool; the antibody is cleared at first order (a constant half-life).',
    'A booster raises the concentration at once (no production delay).',
  ],
  references: [],
  kernel: { displayName: '__MODEL_TITLE__' },
} satisfies ModelManifest;
