import { resolveScenario, scenarioToJson, type ModelManifest, type Scenario } from '@immunotwin/engine';

/** Options of {@link scenarioToCode}. */
export interface IScenarioCodeOptions {
  /** The model of the kernel the code will run in; when it differs, the code makes a twin of the scenario's model. */
  kernelModel?: string;
  /** Name of the kernel's twin object (default `twin`). */
  twinName?: string;
}

const RUN_FIELDS = [
  'duration',
  'outputInterval',
  'method',
  'seed',
  'replicates',
  'quantiles',
  'solver',
  'initial',
  'name',
] as const;

/** A JavaScript literal of plain JSON data: numbers in shortest round-trip form, keys bare when they can be. */
function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([key, v]) => `${/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key)}: ${literal(v)}`,
    );
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}

/**
 * The twin-kernel cell that reproduces a scenario: `twin.reset()`, `twin.set({…})` with every parameter
 * that differs from the model's default (presets are spelled out as values), one `twin.intervene(kind,
 * {start, stop, fields…})` per intervention, and `await twin.run({…})` with the run settings that differ
 * from the defaults, and the scenario's `coupling` as written (the kernel finds the partner models in its
 * registry). Validates the scenario against the manifest first (throws the engine's ValidationError), so the
 * code it returns runs; the coupling is checked where it runs, against the partners' manifests.
 */
export function scenarioToCode(
  scenario: Scenario,
  manifest: ModelManifest,
  options: IScenarioCodeOptions = {},
): string {
  const plugin = { manifest };
  const { coupling, ...uncoupled } = scenario;
  const current = scenarioToJson(resolveScenario(plugin, uncoupled));
  const defaults = scenarioToJson(resolveScenario(plugin, { model: manifest.id }));
  const kernelTwin = options.twinName ?? 'twin';
  const lines: string[] = [`// ${manifest.title} (${manifest.id}): the scenario from the workbench`];
  let name = kernelTwin;
  if (options.kernelModel !== undefined && options.kernelModel !== manifest.id) {
    name = 'model';
    lines.push(`const ${name} = ${kernelTwin}.create(${JSON.stringify(manifest.id)});`);
  } else lines.push(`${name}.reset();`);
  const changed = Object.fromEntries(
    Object.entries(current.parameters ?? {}).filter(([id, value]) => defaults.parameters?.[id] !== value),
  );
  if (Object.keys(changed).length > 0) lines.push(`${name}.set(${literal(changed)});`);
  for (const { kind, ...fields } of current.interventions ?? []) {
    lines.push(`${name}.intervene(${JSON.stringify(kind)}, ${literal(fields)});`);
  }
  const run: Record<string, unknown> = {};
  for (const field of RUN_FIELDS) {
    if (current[field] !== undefined && JSON.stringify(current[field]) !== JSON.stringify(defaults[field])) {
      run[field] = current[field];
    }
  }
  if (coupling !== undefined) run.coupling = coupling;
  lines.push(`const result = await ${name}.run(${Object.keys(run).length > 0 ? literal(run) : ''});`, 'result');
  return lines.join('\n');
}
