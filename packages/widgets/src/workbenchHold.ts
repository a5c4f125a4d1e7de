import {
  estimateResultMemory,
  formatBytes,
  resolveScenario,
  type ModelManifest,
  type ResolvedScenario,
  type Scenario,
  type WorkbenchState,
} from '@immunotwin/engine';
import { html, nothing, type TemplateResult } from 'lit';
import { pinList } from './pinList.js';

/**
 * Why a workbench waits for a click before it computes anything (e.g. its notebook is not trusted), and what it
 * can show meanwhile. While held, the workbench starts no worker.
 */
export interface IWorkbenchHold {
  /** Why it has not run: a sentence shown above the Run button. */
  reason: string;
  /** The manifest of the saved scenario's model, when the host has it without a worker (the controls then show the saved values). */
  manifest?: ModelManifest;
}

/** How much a saved workbench computes once it runs, in the words and numbers the held view shows. */
export interface IWorkSize {
  /** The model's title (its id when the manifest is not at hand). */
  model: string;
  /** The model's id. */
  id: string;
  /** Simulated time of the scenario with its unit, e.g. "365 days". */
  duration: string;
  /** The simulation method ("agent", "ode", …), when known. */
  method: string | undefined;
  /** Runs of the scenario itself: its replicates, or the size of the band shown. */
  runs: number;
  /** Pinned runs (each recomputed when the workbench loads). */
  pins: number;
  /** Runs in all: the scenario's and every pin's replicates. */
  total: number;
  /** What the scenario's kept results take in memory (the engine's estimate), when the scenario resolves. */
  memory: string | undefined;
}

/** The scenario with its model's defaults applied, or undefined when it does not resolve against the manifest. */
function tryResolve(manifest: ModelManifest | undefined, scenario: Scenario): ResolvedScenario | undefined {
  if (!manifest || manifest.id !== scenario.model) return undefined;
  try {
    return resolveScenario({ manifest }, scenario);
  } catch {
    return undefined;
  }
}

/** Replicates a scenario runs (explicit where it resolves, else as written, else 1). */
function replicatesOf(manifest: ModelManifest | undefined, scenario: Scenario): number {
  return tryResolve(manifest, scenario)?.replicates ?? scenario.replicates ?? 1;
}

/** Counts with thousands separators ("42,000"), and a noun in the singular or plural. */
function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

/** The size of what `state` computes when its workbench runs, read from the state and the manifest alone. */
export function workSize(state: WorkbenchState, manifest: ModelManifest | undefined): IWorkSize {
  const { scenario } = state;
  const resolved = tryResolve(manifest, scenario);
  const duration = resolved?.duration ?? scenario.duration ?? manifest?.defaults.duration;
  const band = state.view?.band;
  const runs = band ? band.size : (resolved?.replicates ?? scenario.replicates ?? 1);
  const pins = state.pinned ?? [];
  const pinRuns = pins.reduce((sum, pin) => sum + replicatesOf(manifest, pin.scenario), 0);
  return {
    model: manifest?.title ?? scenario.model,
    id: scenario.model,
    duration: duration === undefined ? 'the model’s default time' : count(duration, manifest?.timeUnit ?? 'time unit'),
    method: resolved?.method ?? scenario.method,
    runs,
    pins: pins.length,
    total: runs + pinRuns,
    memory: resolved && !band ? formatBytes(estimateResultMemory(resolved).bytes) : undefined,
  };
}

/** The sentence after the reason: what a click on Run will compute. */
export function workSentence(size: IWorkSize): string {
  const pins = size.pins > 0 ? ` and ${count(size.pins, 'pinned run')}` : '';
  return `It would compute ${count(size.total, 'run')} of ${size.model} over ${size.duration}: ${count(size.runs, 'run')} of the scenario${pins}.`;
}

/**
 * The held workbench: the reason, what it would compute, a Run button, and the saved state as it is — the
 * parameters (disabled controls with the saved values), the interventions, and the pinned runs' labels. Nothing
 * in it computes; `run` is called on the click.
 */
export function heldView(state: WorkbenchState, hold: IWorkbenchHold, run: () => void): TemplateResult {
  const { manifest } = hold;
  const size = workSize(state, manifest);
  const explicit = tryResolve(manifest, state.scenario);
  const rows: [string, string][] = [
    ['Model', size.model === size.id ? size.id : `${size.model} · ${size.id}`],
    ['Duration', size.duration],
    ['Method', size.method ?? 'the model’s default'],
    [state.view?.band ? 'Band' : 'Replicates', size.runs.toLocaleString('en-US')],
    ['Pinned runs', size.pins.toLocaleString('en-US')],
    ['Runs in all', size.total.toLocaleString('en-US')],
  ];
  if (size.memory) rows.push(['Results in memory', size.memory]);
  return html`<div class="held" role="region" aria-label="Workbench not run">
    <p class="reason" role="status">${hold.reason} ${workSentence(size)}</p>
    <div class="toolbar">
      <button type="button" class="run" data-action="run" @click=${run}>Run</button>
    </div>
    <dl class="size" aria-label="What it would compute">
      ${rows.map(
        ([term, value]) =>
          html`<div>
            <dt>${term}</dt>
            <dd data-size=${term}>${value}</dd>
          </div>`,
      )}
    </dl>
    ${pinList((state.pinned ?? []).map((pin) => pin.label))}
    ${
      manifest
        ? html`<div class="side" role="group" aria-label="Saved parameters and interventions">
            <details open>
              <summary>Parameters</summary>
              <twin-controls
                disabled
                .manifest=${manifest}
                .values=${explicit?.parameters ?? state.scenario.parameters ?? {}}
                .preset=${state.scenario.preset}
              ></twin-controls>
            </details>
            <details open>
              <summary>Interventions</summary>
              <twin-interventions
                disabled
                .manifest=${manifest}
                .interventions=${state.scenario.interventions ?? []}
                .duration=${explicit?.duration ?? manifest.defaults.duration}
              ></twin-interventions>
            </details>
          </div>`
        : nothing
    }
  </div>`;
}
