import {
  isPlainObject,
  checkPlugin,
  designPoints,
  designReplicates,
  parseDesign,
  ObservedDatasetSchema,
  ResultsJsonSchema,
  SchemaValidator,
  ValidationError,
  type ModelManifest,
  type ModelPlugin,
  type ObservedDataset,
  type ResultsJson,
  type ValidationIssue,
} from '@immunotwin/engine';
import type { Command, CommandContext } from '../command.js';
import { aboutFile, CliError, ExitCode } from '../errors.js';
import { PLUGIN_OPTION } from '../plugins.js';
import { readJsonFile } from '../readJson.js';
import { reportError } from '../report.js';

/** The kinds of document `validate` knows. */
export type DocumentKind = 'scenario' | 'observed dataset' | 'model manifest' | 'results' | 'design';

/** Tells the kind of a document from its distinctive properties; undefined if it looks like none. */
export function detectKind(document: unknown): DocumentKind | undefined {
  if (!isPlainObject(document)) return undefined;
  if ('runs' in document) return 'results';
  if ('scenario' in document && 'design' in document) return 'design';
  if ('model' in document) return 'scenario';
  if ('observable' in document) return 'observed dataset';
  if ('id' in document && ('parameters' in document || 'observables' in document || 'methods' in document))
    return 'model manifest';
  return undefined;
}

let observedValidator: SchemaValidator<typeof ObservedDatasetSchema> | undefined;
let resultsValidator: SchemaValidator<typeof ResultsJsonSchema> | undefined;

function lengthIssue(path: string, length: number, expected: number, of: string): ValidationIssue[] {
  return length === expected
    ? []
    : [{ path, message: `has ${length} values but ${of} has ${expected}; they must match` }];
}

function checkObserved(document: unknown): string {
  observedValidator ??= new SchemaValidator(ObservedDatasetSchema, 'observed dataset');
  const data: ObservedDataset = observedValidator.parse(document);
  const issues = [
    ...lengthIssue('values', data.values.length, data.time.length, '"time"'),
    ...(data.sd ? lengthIssue('sd', data.sd.length, data.time.length, '"time"') : []),
  ];
  const unsorted = data.time.findIndex((t, i) => i > 0 && t < data.time[i - 1]);
  if (unsorted > 0)
    issues.push({
      path: `time[${unsorted}]`,
      message: `${data.time[unsorted]} is earlier than the time before it; times must not decrease`,
    });
  if (issues.length > 0) throw new ValidationError('observed dataset', issues);
  return `valid observed dataset "${data.name}" (${data.time.length} points of "${data.observable}" in ${data.unit || 'no unit'})`;
}

function checkResults(document: unknown): string {
  resultsValidator ??= new SchemaValidator(ResultsJsonSchema, 'results');
  const results: ResultsJson = resultsValidator.parse(document);
  const issues: ValidationIssue[] = [];
  const n = results.runs[0].time.length;
  results.runs.forEach((run, r) => {
    issues.push(...lengthIssue(`runs[${r}].time`, run.time.length, n, 'runs[0].time'));
    for (const [id, values] of Object.entries(run.observables)) {
      issues.push(...lengthIssue(`runs[${r}].observables.${id}`, values.length, run.time.length, `runs[${r}].time`));
    }
  });
  for (const [id, s] of Object.entries(results.summary?.observables ?? {})) {
    issues.push(...lengthIssue(`summary.observables.${id}.mean`, s.mean.length, n, 'runs[0].time'));
    issues.push(...lengthIssue(`summary.observables.${id}.median`, s.median.length, n, 'runs[0].time'));
    if (s.bands.length !== results.summary!.quantiles.length) {
      issues.push({
        path: `summary.observables.${id}.bands`,
        message: `has ${s.bands.length} bands for ${results.summary!.quantiles.length} quantiles; they must match`,
      });
    }
  }
  if (issues.length > 0) throw new ValidationError('results', issues);
  const { model } = results.runs[0].metadata;
  const count = results.runs.length;
  return `valid results (${count} run${count === 1 ? '' : 's'} of model "${model.id}" ${model.version})`;
}

function checkManifest(document: unknown): string {
  const manifest = document as ModelManifest;
  // A manifest file cannot carry the factory of an agent-based model; it is code, checked at registration.
  const usesAgent = Array.isArray(manifest.methods) && manifest.methods.includes('agent');
  const plugin: ModelPlugin = usesAgent
    ? {
        manifest,
        createStepped: () => {
          throw new Error('not callable');
        },
      }
    : { manifest };
  checkPlugin(plugin);
  const note = usesAgent ? '; the "agent" method\'s factory is code and was not checked' : '';
  return `valid model manifest "${manifest.id}" ${manifest.version} (${manifest.parameters.length} parameters, ${manifest.observables.length} observables${note})`;
}

/** A design, checked as `immunotwin sweep` would before running it: its format, its scenario and its values. */
function checkDesign(document: unknown, context: CommandContext): string {
  const design = parseDesign(document);
  const { manifest } = context.registry().resolve(design.scenario).plugin;
  const runs = designPoints(design, manifest).length * designReplicates(design).length;
  return `valid design of model "${manifest.id}" (${design.design.kind}: ${runs} run${runs === 1 ? '' : 's'} over ${design.parameters.map((p) => p.id).join(', ')})`;
}

async function validateFile(file: string, context: CommandContext): Promise<void> {
  const document = await readJsonFile(context.resolvePath(file), file);
  const kind = detectKind(document);
  if (kind === undefined) {
    throw new CliError(
      `${file}: cannot tell what kind of document this is; expected a scenario (with "model"), an observed dataset ` +
        '(with "observable", "time" and "values"), a model manifest (with "id", "parameters" and "observables"), ' +
        'results (with "runs") or a design (with "scenario" and "design")',
    );
  }
  const verdict = await aboutFile(file, () => {
    switch (kind) {
      case 'scenario': {
        const scenario = context.registry().resolve(document);
        return `valid scenario for model "${scenario.plugin.manifest.id}"`;
      }
      case 'observed dataset':
        return checkObserved(document);
      case 'model manifest':
        return checkManifest(document);
      case 'results':
        return checkResults(document);
      case 'design':
        return checkDesign(document, context);
    }
  });
  context.io.stdout.write(`${file}: ${verdict}\n`);
}

/** `immunotwin validate`: check scenarios, observed datasets, model manifests and results files. */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'check scenario, observed-data, model-manifest, results or design JSON files',
  usage: 'validate <file.json> [<file.json> …] [--plugin <model.json|module.js|package>]…',
  description: [
    'Tells each file\'s kind from its contents (a scenario has "model", an observed dataset "observable",',
    'a model manifest "id" and "parameters", results "runs", a design "scenario" and "design") and validates it',
    'fully: a scenario against its schema and its model (parameters, ranges, interventions), a manifest as model',
    'registration would, a design as `sweep` would before running it.',
    'Prints "<file>: valid …" or the problems; exits 1 if any file is invalid. Scenarios may name models',
    'registered with --plugin.',
  ].join('\n'),
  options: [PLUGIN_OPTION],
  positionals: { min: 1, max: Infinity, name: 'file' },

  async run(args, context) {
    await context.registerPlugins(args);
    let code: number = ExitCode.ok;
    for (const file of args.positionals) {
      try {
        await validateFile(file, context);
      } catch (error) {
        code = Math.max(code, reportError(error, context.io));
      }
    }
    return code;
  },
};
