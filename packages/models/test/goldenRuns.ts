import { createHash } from 'node:crypto';
import {
  ReplicateRun,
  resolveScenario,
  simulateSync,
  type ModelPlugin,
  type RunResult,
  type Scenario,
} from '@immunotwin/engine';

/** A scheduled intervention with its field values, as a scenario lists it. */
type ScheduledIntervention = { kind: string; start: number; stop?: number } & Record<string, number | string>;

/** The bits of one run: a SHA-256 of every column's bytes, the work counter and the initial state. */
export interface RunDigest {
  readonly work: number;
  readonly initial: string;
  readonly columns: Readonly<Record<string, string>>;
}

/** One golden case: a name and how to run it. */
export interface GoldenCase {
  readonly name: string;
  readonly run: () => RunResult[];
}

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

const columnBytes = (column: Float64Array): Uint8Array =>
  new Uint8Array(column.buffer, column.byteOffset, column.byteLength);

/** The digest of a run: every bit of every column (time included), the work counter and the initial state. */
export function digestRun(run: RunResult): RunDigest {
  const columns: Record<string, string> = { time: sha256(columnBytes(run.time)) };
  for (const [id, values] of Object.entries(run.observables)) columns[id] = sha256(columnBytes(values));
  return { work: run.work, initial: sha256(JSON.stringify(run.metadata.initial)), columns };
}

/** Runs a scenario to the end, every replicate. */
const runAll = (plugin: ModelPlugin, scenario: Scenario): RunResult[] => [...simulateSync(plugin, scenario).runs];

/**
 * Runs replicate 0 of a scenario to sample `at`, snapshots it, restores the snapshot into a fresh run (after a
 * structured clone, as a worker would receive it) and finishes that one: the model's snapshot and restore.
 */
function runThroughSnapshot(plugin: ModelPlugin, scenario: Scenario, at: number): RunResult[] {
  const resolved = resolveScenario(plugin, scenario);
  const first = new ReplicateRun(resolved, 0);
  for (let i = 0; i < at; i++) first.step();
  const snapshot = structuredClone(first.snapshot());
  return [ReplicateRun.restore(resolved, snapshot).runToEnd()];
}

/** A scenario with one intervention of every kind the model declares, staggered over `duration`. */
function everyIntervention(plugin: ModelPlugin, duration: number): ScheduledIntervention[] {
  const kinds = plugin.manifest.interventions;
  return kinds.map((spec, i): ScheduledIntervention => {
    const start = (duration * (i + 1)) / (kinds.length + 2);
    return spec.hasStop
      ? { kind: spec.kind, start, stop: Math.min(duration, start + duration / 3) }
      : { kind: spec.kind, start };
  });
}

interface ModelCases {
  /** Parameters that make stochastic runs small and whole-numbered (applied to every stochastic case). */
  readonly stochastic: Record<string, number>;
  /** Duration of the ODE cases and of the stochastic ones. */
  readonly odeDuration: number;
  readonly stochasticDuration: number;
  readonly outputInterval: number;
}

const NETWORK_CASES: Record<string, ModelCases> = {
  'target-cell-limited': {
    stochastic: { U0: 2000, V0: 10, beta: 1e-3, c: 4, delta: 2, p: 8 },
    odeDuration: 8,
    stochasticDuration: 4,
    outputInterval: 0.25,
  },
  'virus-innate-adaptive': {
    stochastic: { U0: 2000, V0: 10, beta: 1e-3, c: 4, delta: 2, p: 8, T0: 10, B0: 10 },
    odeDuration: 12,
    stochasticDuration: 3,
    outputInterval: 0.25,
  },
  'bacteria-innate': {
    stochastic: { P0: 200, M0: 2000, K: 1e5, sN: 100, hN: 100 },
    odeDuration: 48,
    stochasticDuration: 8,
    outputInterval: 0.5,
  },
  'influenza-resistance': {
    stochastic: { U0: 2000, V0: 10, VR0: 2, beta: 1e-3, c: 4, delta: 2, p: 8, pR: 8, mu: 0.01 },
    odeDuration: 8,
    stochasticDuration: 4,
    outputInterval: 0.25,
  },
};

const STOCHASTIC_SEEDS = [1, 42];

function networkCases(plugin: ModelPlugin, cases: ModelCases): GoldenCase[] {
  const { id } = plugin.manifest;
  const out: GoldenCase[] = [];
  const ode = { model: id, method: 'ode' as const, duration: cases.odeDuration, outputInterval: cases.outputInterval };
  out.push({ name: `${id}/ode/defaults`, run: () => runAll(plugin, ode) });
  out.push({
    name: `${id}/ode/every-intervention`,
    run: () => runAll(plugin, { ...ode, interventions: everyIntervention(plugin, cases.odeDuration) }),
  });
  out.push({
    name: `${id}/ode/stiff-every-intervention`,
    run: () =>
      runAll(plugin, { ...ode, solver: { stiff: true }, interventions: everyIntervention(plugin, cases.odeDuration) }),
  });
  for (const preset of plugin.manifest.presets) {
    out.push({ name: `${id}/ode/preset-${preset.id}`, run: () => runAll(plugin, { ...ode, preset: preset.id }) });
  }
  for (const method of ['ssa', 'tau-leaping'] as const) {
    for (const seed of STOCHASTIC_SEEDS) {
      const scenario: Scenario = {
        model: id,
        method,
        seed,
        parameters: cases.stochastic,
        duration: cases.stochasticDuration,
        outputInterval: cases.outputInterval,
      };
      out.push({ name: `${id}/${method}/seed-${seed}`, run: () => runAll(plugin, scenario) });
      out.push({
        name: `${id}/${method}/seed-${seed}/every-intervention`,
        run: () => runAll(plugin, { ...scenario, interventions: everyIntervention(plugin, cases.stochasticDuration) }),
      });
    }
    out.push({
      name: `${id}/${method}/replicates-2/preset-${plugin.manifest.presets.at(-1)!.id}`,
      run: () =>
        runAll(plugin, {
          model: id,
          method,
          seed: 7,
          replicates: 2,
          preset: plugin.manifest.presets.at(-1)!.id,
          parameters: cases.stochastic,
          duration: cases.stochasticDuration,
          outputInterval: cases.outputInterval,
        }),
    });
  }
  return out;
}

/**
 * The two seeds' runs of a stepped model with `interventions` (which must name every kind the model declares) on
 * `scenario`: the cases `<id>/agent/seed-1|2/every-intervention`.
 */
function everyInterventionCases(
  plugin: ModelPlugin,
  interventions: ScheduledIntervention[],
  scenario: Omit<Scenario, 'seed'>,
): GoldenCase[] {
  const missing = plugin.manifest.interventions.filter((spec) => !interventions.some((i) => i.kind === spec.kind));
  if (missing.length > 0) throw new Error(`golden cases miss interventions ${missing.map((s) => s.kind).join(', ')}`);
  return [1, 2].map((seed) => ({
    name: `${plugin.manifest.id}/agent/seed-${seed}/every-intervention`,
    run: () => runAll(plugin, { ...scenario, interventions, seed }),
  }));
}

/** The immune twin: short runs (small lattices where the adaptive response is not needed), every intervention and preset, snapshot/restore, no WebAssembly. */
function immuneCases(plugin: ModelPlugin): GoldenCase[] {
  const id = plugin.manifest.id;
  const base = { model: id, method: 'agent' as const, outputInterval: 0.25 };
  const small = { latticeSize: 24 };
  // Every kind, placed so that lasting ones overlap and the depletions meet T cells in the node and (CD8) tissue.
  const interventions: ScheduledIntervention[] = [
    { kind: 'vaccination', start: 0.5, dose: 2000, adjuvant: 0.7 },
    { kind: 'infection', start: 1, dose: 300, x: 0.3, y: 0.6, radius: 4 },
    { kind: 'cytokineBlockade', start: 1, stop: 3, ifn: 0.5, inflammatory: 0.4 },
    { kind: 'antiviral', start: 2, stop: 4, efficacy: 0.6 },
    { kind: 'monoclonalAntibody', start: 3, dose: 1, affinity: 0.8, halfLife: 5 },
    { kind: 'immunosuppression', start: 4, stop: 5, efficacy: 0.5 },
    { kind: 'depleteCD4', start: 5, stop: 6 },
    { kind: 'depleteB', start: 6, stop: 7.5, fraction: 0.5 },
    { kind: 'depleteCD8', start: 8, stop: 9.5, fraction: 0.7, rate: 2 },
    { kind: 'antiviral', start: 8.5, stop: 10 },
  ];
  const everything = { ...base, duration: 10.5, interventions };
  const out = everyInterventionCases(plugin, interventions, everything);
  out.push({
    name: `${id}/agent/seed-3/defaults`,
    run: () => runAll(plugin, { ...base, seed: 3, duration: 3 }),
  });
  for (const preset of plugin.manifest.presets) {
    out.push({
      name: `${id}/agent/preset-${preset.id}`,
      run: () => runAll(plugin, { ...base, seed: 4, duration: 4, preset: preset.id, parameters: small }),
    });
  }
  // Snapshot taken at day 8.5, inside the CD8 depletion and just after the second antiviral started.
  out.push({
    name: `${id}/agent/seed-1/every-intervention/through-snapshot`,
    run: () => runThroughSnapshot(plugin, { ...everything, seed: 1 }, 35),
  });
  out.push({
    name: `${id}/agent/seed-5/well-mixed`,
    run: () => runAll(plugin, { ...base, seed: 5, duration: 3, parameters: { ...small, spatial: 0 } }),
  });
  return out;
}

/**
 * The Lung Twin: a small section (24² or 30² sites, so one run takes tens of milliseconds), T cells from day 1 so
 * that the depletion meets them, every intervention (lasting ones overlapping), every preset, a snapshot/restore
 * and (in bitIdentical.test.ts) the same bits without WebAssembly (the fields' diffusion kernel).
 */
function lungCases(plugin: ModelPlugin): GoldenCase[] {
  const id = plugin.manifest.id;
  const base = { model: id, method: 'agent' as const, outputInterval: 0.25 };
  const small = { latticeSize: 30, tCellDelay: 1, foci: 2, fociPlacement: 1 };
  const interventions: ScheduledIntervention[] = [
    { kind: 'antiviral', start: 0.5, stop: 2, efficacy: 0.4 },
    { kind: 'entryBlocker', start: 1, stop: 2.5, efficacy: 0.3 },
    { kind: 'ifnTherapy', start: 1.5, stop: 3, dose: 0.005 },
    { kind: 'corticosteroid', start: 0.75, stop: 3.5, efficacy: 0.7 },
    { kind: 'monoclonalAntibody', start: 2, clearance: 0.02, halfLife: 21 },
    { kind: 'tCellDepletion', start: 3, fraction: 0.8 },
  ];
  const everything = { ...base, duration: 4, parameters: small, interventions };
  const out = everyInterventionCases(plugin, interventions, everything);
  out.push({
    name: `${id}/agent/seed-3/defaults-on-30-sites`,
    run: () => runAll(plugin, { ...base, seed: 3, duration: 3, parameters: { latticeSize: 30 } }),
  });
  for (const preset of plugin.manifest.presets) {
    out.push({
      name: `${id}/agent/preset-${preset.id}`,
      run: () => runAll(plugin, { ...base, seed: 4, duration: 3, preset: preset.id, parameters: { latticeSize: 24 } }),
    });
  }
  // Snapshot taken at day 2.25: the antibody just infused, four lasting treatments in force, T cells in the tissue.
  out.push({
    name: `${id}/agent/seed-1/every-intervention/through-snapshot`,
    run: () => runThroughSnapshot(plugin, { ...everything, seed: 1 }, 9),
  });
  return out;
}

/**
 * Built-in models without golden cases, and why: each is checked for determinism (same seed, same bits; through
 * a snapshot) by its own package's tests instead. None today.
 */
export const WITHOUT_GOLDEN_CASES: Readonly<Record<string, string>> = {};

/** Every golden case of the built-in models (except {@link WITHOUT_GOLDEN_CASES}), in a fixed order. */
export function goldenCases(plugins: readonly ModelPlugin[]): GoldenCase[] {
  return plugins.flatMap((plugin) => {
    if (plugin.manifest.id in WITHOUT_GOLDEN_CASES) return [];
    const cases = NETWORK_CASES[plugin.manifest.id];
    if (cases) return networkCases(plugin, cases);
    if (plugin.manifest.id === 'immune-system') return immuneCases(plugin);
    if (plugin.manifest.id === 'lung') return lungCases(plugin);
    throw new Error(`no golden cases for model "${plugin.manifest.id}": add some to goldenRuns.ts`);
  });
}
