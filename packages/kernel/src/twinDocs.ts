import { type ModelManifest, PLOT_MIME_TYPE, WORKBENCH_MIME_TYPE } from '@immunotwin/engine';
import { DocsRegistry, parameterDoc, type DocEntry } from './docs.js';

/** Documentation of the twin API's members: signature and Markdown. */
const TWIN_MEMBERS: readonly (Omit<DocEntry, 'name'> & { name: string })[] = [
  {
    name: 'manifest',
    type: 'property',
    signature: 'twin.manifest: ModelManifest',
    markdown:
      "The model's manifest: parameters (units, ranges, sources), observables, interventions, presets and assumptions.",
  },
  {
    name: 'parameters',
    type: 'property',
    signature: 'twin.parameters: Record<string, number>',
    markdown: 'The current parameter values (a copy; change them with `twin.set`).',
  },
  {
    name: 'math',
    type: 'property',
    signature: 'twin.math: { exp, expm1, log, log1p, log10, pow, sin, cos }',
    markdown:
      "Elementary functions that give the same bits in every JavaScript engine (stdlib-js's, as the twins use). `Math.exp`, `Math.log`, `Math.pow`… differ in the last bit between the headless kernel (Node) and the browser's, so a cell whose numbers must match everywhere — an answer `twin.check` grades, a result a notebook compares — uses `twin.math.log10(x)` rather than `Math.log10(x)`.",
  },
  {
    name: 'interventions',
    type: 'property',
    signature: 'twin.interventions: Intervention[]',
    markdown: 'The scheduled interventions (add with `twin.intervene`, clear with `twin.reset`).',
  },
  {
    name: 'set',
    type: 'function',
    signature: 'twin.set(values: Record<string, number>): Record<string, number>',
    markdown:
      'Sets parameters, e.g. `twin.set({ beta: 3e-5 })`. Each value is checked against the model: an unknown name or a value out of range throws, naming the field, the value and the allowed range. Returns the current values.',
  },
  {
    name: 'reset',
    type: 'function',
    signature: 'twin.reset(): Record<string, number>',
    markdown: "Restores the model's default parameters and removes every intervention.",
  },
  {
    name: 'intervene',
    type: 'function',
    signature:
      'twin.intervene(kind: string, fields: { start: number; stop?: number; [field: string]: number }): Intervention[]',
    markdown:
      'Schedules an intervention of one of the model\'s kinds, e.g. `twin.intervene("entryInhibitor", { start: 1, stop: 5, efficacy: 0.9 })`.',
  },
  {
    name: 'run',
    type: 'function',
    signature:
      'twin.run(options?: { duration?, outputInterval?, method?, seed?, replicates?, preset?, initial?, coupling?, onProgress?, maxMemory? }): Promise<TwinResult>',
    markdown: `Runs the model with the current parameters and interventions. Await it: \`const result = await twin.run({ duration: 10 })\`. A stepped model can run coupled to others: \`coupling: { interval, partners: { node: { model: 'immune-system' } }, links: [{ from: 'node.cd8Effector', to: 'lung.effectorSupply', scale }] }\` (see the model's README). Interrupting the kernel stops it. A run whose results would take more than 1 GiB is refused before it starts, naming the fields to change; \`maxMemory: 4e9\` (bytes) raises the limit on purpose. The result shows as a plot (\`${PLOT_MIME_TYPE}\`) with the peak of each observable; \`result.table()\` and \`result.csv()\` give the numbers.`,
  },
  {
    name: 'observe',
    type: 'function',
    signature: 'twin.observe(result: TwinResult, id: string): { id, unit, time: Float64Array, values: Float64Array }',
    markdown: 'One observable of a result over time (the ensemble median when there are several replicates).',
  },
  {
    name: 'create',
    type: 'function',
    signature: 'twin.create(model: string): Twin',
    markdown: 'A new twin of another registered model (see `models.list()`), at its defaults; this twin is unchanged.',
  },
  {
    name: 'plot',
    type: 'function',
    signature:
      'twin.plot(result: TwinResult, options?: { observables?: string[]; log?: boolean; title?: string }): TwinPlot',
    markdown:
      'A plot of chosen observables of a result (the data, drawn by the ImmunoTwin extension), optionally on a logarithmic axis and with a title.',
  },
  {
    name: 'tissue',
    type: 'function',
    signature:
      'twin.tissue(options?: { times?: number[]; field?: string; duration?: number; seed?: number }): Promise<TwinTissue>',
    markdown:
      'Pictures of the tissue at chosen times of one run (models with a lattice): cell states, a field and the immune cells, with a time slider.',
  },
  {
    name: 'sweep',
    type: 'function',
    signature:
      "twin.sweep(options: { parameters: { [id]: { range | values | distribution } }; design?: { kind: 'grid' | 'lhs' | 'sobol' | 'random', … }; outcomes?: string[]; band?: string | false; duration?; seed?; replicates?; coupling? }): Promise<TwinStudy>",
    markdown:
      "Runs the twin over a design of its parameters on a pool of workers: a grid draws a heatmap (two parameters) or a line (one); a cohort (a parameter with a `distribution`) draws histograms of the outcomes and the median and 5–95 % band over time. Outcomes are `'V.peak'`, `'V.timeToPeak'`, `'V.auc'`, `'V.final'` or `{ observable, summary: 'clearanceTime', threshold }`. With `coupling` (as in `twin.run`) every run is coupled to the partner models. Progress shows in the cell; Interrupt stops it. `study.rows()`, `study.table()`, `study.design` (for `immunotwin sweep`).",
  },
  {
    name: 'sensitivity',
    type: 'function',
    signature:
      "twin.sensitivity(options: { parameters: { [id]: { range } }; analysis?: 'sobol' | 'prcc'; n?: number; outcomes?: string[]; duration?; seed?; coupling? }): Promise<TwinStudy>",
    markdown:
      "Which parameters decide an outcome: Sobol' first-order and total indices with 95 % bootstrap intervals (a Saltelli design of n base rows, n·(d + 2) runs; default n = 256), or PRCC with p-values (a Latin hypercube of n runs; default 200), on a pool of workers, drawn as bars or a tornado. `study.sensitivity` holds the indices.",
  },
  {
    name: 'controls',
    type: 'function',
    signature:
      "twin.controls(options?: { duration?: number; observables?: string[]; log?: boolean; band?: { kind: 'replicates' | 'cohort'; size: number; spread?: number; parameters?: string[] } }): TwinControls",
    markdown: `The interactive workbench for this model (\`${WORKBENCH_MIME_TYPE}\`): sliders for the parameters, the interventions, a live plot — or, with \`band\`, the median and bands of replicates or of a virtual cohort around the current values.`,
  },
  {
    name: 'fit',
    type: 'function',
    signature:
      "twin.fit(data: ObservedDataset[] | string | FhirJson, options: { estimate: (string | { id; lower?; upper?; scale?: 'log' | 'linear' })[]; observation?; group?; starts?: number; bootstrap?: number; level?: number; seed?: number; profiles?: boolean }): Promise<TwinFit>",
    markdown:
      "Fits parameters of the twin's current scenario (its parameters and interventions) to measured data: datasets, an observations CSV as text (`time_h,group,observable,value,unit,detection_limit`) or FHIR R4 Observations. An id alone is searched over its manifest range, on a log scale when the range is positive. Default observation model: a measured `log10X` is `log10(X)` with Gaussian noise σ = 1, values at a detection limit censored. Multi-start (Levenberg–Marquardt, or Nelder–Mead for censored data), profile-likelihood intervals, optional parametric bootstrap, AICc; on the worker pool when there is one, with the same result. Progress shows in the cell; Interrupt stops it. The result shows a table; `fit.estimates`, `fit.intervals`, `fit.aicc`, `fit.apply()` (puts the estimates into the twin), `fit.plot()` (data and fitted curve).",
  },
  {
    name: 'assimilate',
    type: 'function',
    signature:
      "twin.assimilate(data, options: { estimate: { [id]: priorSdOfLn }; method?: 'ode' | 'ssa' | 'tau-leaping'; members?: number; seed?: number; observation?; group?: string; inflation?: number; today?: number }): Promise<TwinAssimilation>",
    markdown:
      "Updates the twin by data, observation by observation: an ensemble Kalman filter for the ODE twin (default), a particle filter with `method: 'ssa'`. The `estimate` parameters are carried as state with log-normal priors around their current values. With `today` only the data up to that time are assimilated. The result has `steps` (after each observation: what was measured, the prediction and the parameters' posteriors), `parameters` (posterior medians and 90 % intervals), `await u.forecast({ until })` (the rest of the course: median, 50 % and 90 % credible bands, as a plot) and `await u.treat(kind, fields, { until })` — \"start this treatment now\": `baseline`, `treated` and the per-member `effect`.",
  },
  {
    name: 'forecast',
    type: 'function',
    signature:
      'twin.forecast(data, options: { estimate: { [id]: priorSdOfLn }; today?: number; until?: number; method?; members?; seed?; observation?; group?; inflation? }): Promise<TwinForecast>',
    markdown:
      "The rest of the course after the data, with credible bands: assimilates the data (those up to `today`, or all) as `twin.assimilate` does and forecasts from the updated ensemble to `until` (default the run's duration) — a shortcut of `(await twin.assimilate(data, options)).forecast({ until })`. Shows as a plot of the data, the median and the 50 % and 90 % bands; `f.summary` holds the numbers. The members run on the worker pool when there is one, with the same result.",
  },
  {
    name: 'patient',
    type: 'function',
    signature:
      'twin.patient(data: ObservedDataset[] | string | FhirJson, options: { estimate: (string | { id; lower?; upper?; scale? })[]; observation?; group?; starts?: number; seed?: number; profiles?: boolean; assimilate?: { [id]: priorSdOfLn }; members?: number; title?: string }): TwinPatient',
    markdown:
      "A twin of one patient as a widget (`application/vnd.immunotwin.patient+json`): the data in a table (drop an observations CSV on it to replace them), **Fit** (the options as `twin.fit`'s; progress and Cancel), one plot of the data, the twin's curve, the forecast band and the residuals, the profile likelihoods, and **Next day**, which assimilates the data's next time with an ensemble Kalman filter (`assimilate`: the prior sd of ln θ per parameter; default 1 for each fitted one) and redraws the forecast. The widget computes in its own worker, not in the kernel; the output holds its state only.",
  },
  {
    name: 'check',
    type: 'function',
    signature: 'twin.check(taskId: string, answer: number, options?: { grade?: boolean }): Promise<TaskCheck>',
    markdown:
      "Checks a lesson task's answer, e.g. `await twin.check('r0.threshold', 113)`: the twin computes the task's value (runs its scenario, or evaluates its formula of the parameters) and says right or wrong, with the tolerance. With `{ grade: true }` a wrong answer throws `WrongAnswer` (autograded cells). The tasks are listed per lesson in the kernel's `lessons/`.",
  },
];

/**
 * The documentation completion and inspection use for one model's kernel: `twin` and its members, every
 * model parameter (under `twin.parameters.<id>` and as argument names of `twin.set`), the intervention
 * kinds (argument names of `twin.intervene`), `models` and `display`.
 */
export function twinDocs(manifest: ModelManifest): DocsRegistry {
  const docs = new DocsRegistry();
  docs.register('twin', {
    type: 'instance',
    signature: 'twin: Twin',
    markdown: `The twin of **${manifest.title}** (\`${manifest.id}\`).\n\n${manifest.description ?? ''}`.trim(),
  });
  for (const member of TWIN_MEMBERS) docs.register(['twin', member.name], member);
  const parameters = manifest.parameters.map((spec) => parameterDoc(spec));
  for (const entry of parameters) docs.register(['twin', 'parameters', entry.name], entry);
  docs.registerArguments('twin.set', parameters);
  docs.registerArguments(
    'twin.intervene',
    manifest.interventions.map((spec) => ({
      name: spec.kind,
      type: 'keyword',
      signature: `${spec.kind}: { start${spec.hasStop ? ', stop' : ''}${spec.fields.map((f) => `, ${f.id}`).join('')} }`,
      markdown: [
        `**${spec.kind}** — ${spec.label}`,
        '',
        spec.description ?? '',
        '',
        ...spec.fields.map(
          (f) =>
            `- \`${f.id}\` (${f.unit}): ${f.description ?? f.label ?? ''} [${f.min}, ${f.max}], default ${f.default}`,
        ),
      ].join('\n'),
    })),
  );
  docs.registerArguments(
    'twin.observe',
    manifest.observables.map((spec) => ({
      name: spec.id,
      type: 'property',
      signature: `${spec.id} [${spec.unit}]`,
      markdown: [`**${spec.id}**${spec.label ? ` — ${spec.label}` : ''} (\`${spec.unit}\`)`, '', spec.description ?? '']
        .join('\n')
        .trim(),
    })),
  );
  docs.register('models', {
    type: 'instance',
    signature: 'models: Models',
    markdown:
      'The registered models: `models.list()` shows them, `models.get(id)` gives a manifest, `await models.register(model)` adds one.',
  });
  docs.register('models.register', {
    type: 'function',
    signature: 'models.register(model: ModelManifest | string | ModelPlugin): Promise<ModelRegistration>',
    markdown:
      "Adds a model to this kernel: a reaction network's manifest (an object or JSON text) or a plugin with code `{ manifest, createStepped }`. `twin.create(id)` then makes a twin of it, and its workbenches carry it. Code must be self-contained (its arguments and `engine` only). `.dispose()` takes it out.",
  });
  docs.register('models.fromSBML', {
    type: 'function',
    signature:
      'models.fromSBML(text: string, options?: { id?, timeUnit?, duration?, outputInterval? }): Promise<ModelManifest>',
    markdown:
      'A reaction-network manifest from an SBML document (Level 2 or 3 core: compartments, species, parameters, MathML kinetic laws with piecewise and function definitions, rules, initial assignments). Then `await models.register(manifest)`.',
  });
  docs.register('defineModel', {
    type: 'function',
    signature: 'defineModel({ manifest, create(context), interventions }): ModelPlugin',
    markdown:
      "Writes a model: `create(context)` gets the parameters by id and `context.observables`, each observable's position in the row `observe(out)` fills; `interventions` has a `start` (and for lasting kinds a `stop`) per kind. Pass the result to `models.register`.",
  });
  docs.register('engine', {
    type: 'instance',
    signature: 'engine: typeof import("@immunotwin/engine")',
    markdown: "The twin engine's API (RNG streams, lattices, fields, solvers): what a model's code may use.",
  });
  docs.register('models.list', {
    type: 'function',
    signature: 'models.list(): ModelListing[]',
    markdown: 'Every registered model: id, title, methods, number of parameters.',
  });
  docs.register('models.get', {
    type: 'function',
    signature: 'models.get(id: string): ModelManifest',
    markdown: "A model's manifest; an unknown id throws, listing the known ones.",
  });
  docs.register('display', {
    type: 'function',
    signature: 'display(value: unknown, options?: { raw?: boolean; metadata?: object }): void',
    markdown: 'Shows a value as a rich output now (plots, tables, HTML); `display.html(html)`, `display.markdown(md)`.',
  });
  return docs;
}
